namespace Automation.Host.Api;

/// <summary>A customer in the list.</summary>
public sealed record CustomerSummary(string Id, string? Email, string? Name, DateTime LastSeen, decimal Monetary, string? RfmSegment, double? ChurnRisk);
