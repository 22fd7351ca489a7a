namespace Automation.Engine.Scoring.Models;

/// <summary>Every input of a model version compared with its training values, as of a moment over the customers it read.</summary>
public sealed record FeatureDriftReport(DateTime AsOf, int Customers, IReadOnlyList<FeatureDrift> Features);
