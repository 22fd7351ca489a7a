using Automation.Engine.Scoring.Models;

namespace Automation.Host.Api;

/// <summary>A model version as listed: what it is, whether it scores, its holdout metrics next to the RFM baseline, its inputs, its latest score drift.</summary>
public sealed record ScoreModelSummary(
    Guid Id,
    string Score,
    int Version,
    string Kind,
    bool Active,
    DateTime CreatedAt,
    int HorizonDays,
    double Threshold,
    ModelMetrics? Metrics,
    IReadOnlyList<string> Features,
    ScoreDriftView? Drift);
