namespace Automation.Storage.Segments;

/// <summary>A customer currently in a segment, since when, and why.</summary>
public sealed class SegmentMembership
{
    public required string SegmentKey { get; set; }

    public required string CustomerId { get; set; }

    public DateTime EnteredAt { get; set; }

    /// <summary>Kept current for segments with a TTL, the only ones it decides.</summary>
    public DateTime LastQualifiedAt { get; set; }

    public string ReasonsJson { get; set; } = "[]";

    /// <summary>A detached copy with the same values (every member is a value or an immutable string).</summary>
    public SegmentMembership Copy() => (SegmentMembership)MemberwiseClone();
}
