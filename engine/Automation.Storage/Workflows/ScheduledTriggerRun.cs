namespace Automation.Storage.Workflows;

/// <summary>
/// Where a workflow's scheduled audience trigger stands: the last occurrence fully started, and the one being started
/// with how far through the segment's members (by customer id) it got, so that a restarted engine neither fires an
/// occurrence twice nor loses the rest of one.
/// </summary>
public sealed class ScheduledTriggerRun
{
    public required string WorkflowId { get; set; }

    /// <summary>The last occurrence (UTC) whose members have all been brought to the door.</summary>
    public DateTime? LastFiredOccurrence { get; set; }

    /// <summary>The occurrence being started now, if any.</summary>
    public DateTime? RunningOccurrence { get; set; }

    public int RunningVersion { get; set; }

    /// <summary>The last customer id of the running occurrence already brought to the door (members go in id order).</summary>
    public string? Cursor { get; set; }

    public int Started { get; set; }

    public DateTime? FinishedAt { get; set; }
}
