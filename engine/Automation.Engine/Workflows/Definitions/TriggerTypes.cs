namespace Automation.Engine.Workflows.Definitions;

public static class TriggerTypes
{
    public const string SegmentEntered = "segment.entered";
    public const string SegmentExited = "segment.exited";
    public const string ScoreCrossed = "score.crossed";
    public const string Event = "event";

    /// <summary>An HTTP call to the workflow's own URL with its secret (an inbound webhook); stored under the workflow's id.</summary>
    public const string Webhook = "webhook";

    /// <summary>Every current member of a segment, once at a set time or on a cron schedule; stored under the workflow's id.</summary>
    public const string Schedule = "schedule";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { SegmentEntered, SegmentExited, ScoreCrossed, Event, Webhook, Schedule };
}
