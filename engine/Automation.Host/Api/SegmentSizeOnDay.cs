namespace Automation.Host.Api;

/// <summary>A segment's size on one day (daily snapshot).</summary>
public sealed record SegmentSizeOnDay(DateTime Date, int Size);
