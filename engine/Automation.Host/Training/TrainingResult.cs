using Automation.Engine.Scoring.Models;

namespace Automation.Host.Training;

/// <summary>A training run through the API: the stored version, its metrics, why it was or was not activated, and how many profiles were then scored as of when.</summary>
public sealed record TrainingResult(Guid Id, string Score, int Version, bool Active, ModelMetrics Metrics, string Decision, int Scored, DateTime ScoredAsOf);
