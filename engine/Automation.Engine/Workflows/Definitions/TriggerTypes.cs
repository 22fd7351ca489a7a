namespace Automation.Engine.Workflows.Definitions;

public static class TriggerTypes
{
    public const string SegmentEntered = "segment.entered";
    public const string SegmentExited = "segment.exited";
    public const string ScoreCrossed = "score.crossed";
    public const string Event = "event";

    /// <summary>An HTTP call to the workflow's own URL with its secret (an inbound webhook); stored under the workflow's id.</summary>
    public const string Webhook = "webhook";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { SegmentEntered, SegmentExited, ScoreCrossed, Event, Webhook };
}
