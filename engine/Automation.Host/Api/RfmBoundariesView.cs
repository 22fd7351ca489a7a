namespace Automation.Host.Api;

/// <summary>The RFM quintile boundaries just computed.</summary>
public sealed record RfmBoundariesView(IReadOnlyList<double> Recency, IReadOnlyList<double> Frequency, IReadOnlyList<double> Monetary);
