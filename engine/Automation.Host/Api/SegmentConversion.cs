namespace Automation.Host.Api;

/// <summary>Members of a segment and how many bought after entering it.</summary>
public sealed record SegmentConversion(string Segment, int Members, int Converted, double Rate);
