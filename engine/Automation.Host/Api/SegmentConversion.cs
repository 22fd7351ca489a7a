namespace Automation.Host.Api;

/// <summary>Members of a segment (its key and name) and how many bought after entering it.</summary>
public sealed record SegmentConversion(string Segment, string Name, int Members, int Converted, double Rate);
