namespace Automation.Host.Api;

/// <summary>The operations dashboard's figures.</summary>
public sealed record Dashboard(
    IReadOnlyList<EventsInMinute> EventsPerMinute,
    IReadOnlyList<EventsOnDay> EventsPerDay,
    IReadOnlyDictionary<string, int> ActionsByStatus,
    int ApprovalsWaiting,
    IReadOnlyList<SegmentConversion> ConversionBySegment,
    IReadOnlyList<WorkflowUplift> UpliftByWorkflow);
