using Automation.Engine.Scoring.Models;

namespace Automation.Host.Api;

/// <summary>A model just trained: the version saved, its metrics and whether it became active and why.</summary>
public sealed record TrainedScoreModel(Guid Id, string Score, int Version, bool Active, ModelMetrics Metrics, string Decision);
