using Automation.Plugins.Sdk;

namespace Automation.Host.Api;

/// <summary>A customer's scores; ChurnRisk and PurchasePropensity are absent where no model has scored them (not 0).</summary>
public sealed record CustomerScoresView(
    int Recency,
    int Frequency,
    int Monetary,
    string? RfmSegment,
    double? ChurnRisk,
    double? PurchasePropensity,
    IReadOnlyList<ReasonCode> Reasons,
    IReadOnlyDictionary<string, IReadOnlyList<ReasonCode>> ReasonsByScore);
