namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Fact: a customer no longer meets a segment's expression (or its TTL lapsed).</summary>
public sealed record SegmentExited(string CustomerId, string Segment, string Why, DateTimeOffset At);
