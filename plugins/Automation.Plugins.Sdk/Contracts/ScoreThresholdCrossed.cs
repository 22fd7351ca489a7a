namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Fact: a model score moved across a configured threshold.</summary>
/// <param name="Direction">"up" or "down".</param>
public sealed record ScoreThresholdCrossed(
    string CustomerId,
    string Score,
    double Threshold,
    string Direction,
    double Value,
    IReadOnlyList<ReasonCode> Reasons,
    DateTimeOffset At);
