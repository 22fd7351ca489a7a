namespace Automation.Engine.Scoring.Models;

/// <summary>The outcome of a training run, ready to be stored as a model version.</summary>
public sealed record TrainedModel(
    string Score,
    int HorizonDays,
    byte[] Model,
    IReadOnlyList<FeatureStatistic> Features,
    ModelMetrics Metrics,
    ScoreDistribution Distribution);
