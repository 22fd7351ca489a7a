namespace Automation.Engine.Workflows.Definitions;

public static class TriggerTypes
{
    public const string SegmentEntered = "segment.entered";
    public const string SegmentExited = "segment.exited";
    public const string ScoreCrossed = "score.crossed";
    public const string Event = "event";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { SegmentEntered, SegmentExited, ScoreCrossed, Event };
}
