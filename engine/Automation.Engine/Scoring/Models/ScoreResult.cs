using Automation.Plugins.Sdk;

namespace Automation.Engine.Scoring.Models;

/// <summary>A score between 0 and 1 and the features that moved it most, in words.</summary>
public sealed record ScoreResult(double Value, IReadOnlyList<ReasonCode> Reasons);
