namespace Automation.Testing.Histories;

/// <summary>One generated behavioral event, independent of how a test stores or posts it.</summary>
public sealed record HistoryEvent(string CustomerId, string Type, DateTime Timestamp, decimal? Value = null);
