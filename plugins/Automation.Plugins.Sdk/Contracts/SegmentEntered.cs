namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Fact: a customer now meets a segment's expression.</summary>
public sealed record SegmentEntered(string CustomerId, string Segment, IReadOnlyList<ReasonCode> Reasons, DateTimeOffset At);
