namespace Automation.Storage.Events;

/// <summary>
/// How far a reader of the event log has come, by sequence. The embedded event processor keeps its cursor here:
/// every event at or below it has had its segment changes, outbox messages and workflow steps committed, while its
/// profile may still be only in memory (write-behind) until the event is marked processed.
/// </summary>
public sealed class ProcessingCheckpoint
{
    /// <summary>The cursor of the event processor.</summary>
    public const string Events = "events";

    public required string Name { get; set; }

    public long Sequence { get; set; }
}
