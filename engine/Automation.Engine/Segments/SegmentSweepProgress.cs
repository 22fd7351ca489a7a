namespace Automation.Engine.Segments;

/// <summary>
/// How far a sweep has come: all segments over all profiles (Segment null) or one segment's backfill after it
/// was created or changed. Read by the API while the sweep runs.
/// </summary>
public sealed class SegmentSweepProgress
{
    public string? Segment { get; init; }

    public string Status { get; set; } = "queued";

    public int Total { get; set; }

    public int Processed { get; set; }

    public int Entered { get; set; }

    public int Exited { get; set; }

    public DateTime QueuedAt { get; init; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>0–100, for a progress bar.</summary>
    public double Percent => Total == 0 ? (Status == "done" ? 100 : 0) : Math.Round(100.0 * Processed / Total, 1);
}
