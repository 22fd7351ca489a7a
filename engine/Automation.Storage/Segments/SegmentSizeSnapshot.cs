namespace Automation.Storage.Segments;

/// <summary>A segment's size on a day, kept for the size-over-time chart (memberships alone forget who left).</summary>
public sealed class SegmentSizeSnapshot
{
    public required string SegmentKey { get; set; }

    public DateTime Day { get; set; }

    public int Size { get; set; }
}
