using System.Text.Json;

namespace Automation.Host.Api;

/// <summary>A model version of a score with its holdout metrics, its features and its latest drift.</summary>
public sealed record ScoreModelView(
    Guid Id,
    string Score,
    int Version,
    string Kind,
    bool Active,
    DateTime CreatedAt,
    int HorizonDays,
    double Threshold,
    JsonElement Metrics,
    IReadOnlyList<string>? Features,
    ScoreDriftView? Drift);
