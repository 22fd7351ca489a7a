namespace Automation.Storage.Events;

/// <summary>
/// How far a reader of the event log has come, by sequence. The embedded event processor keeps its cursor here:
/// every event at or below it has had its segment changes, outbox messages and workflow steps committed, while its
/// profile may still be only in memory (write-behind) until a flush stores the profiles up to <see cref="Profiles"/>.
/// </summary>
public sealed class ProcessingCheckpoint
{
    /// <summary>The cursor of the event processor.</summary>
    public const string Events = "events";

    /// <summary>
    /// Embedded default: every event at or below it is in the stored profiles. Events are filed by customer apart
    /// from it (in larger transactions), so after a crash the events above it, not the unfiled ones, are folded again.
    /// </summary>
    public const string Profiles = "profiles";

    /// <summary>
    /// Embedded default: every event at or below it is filed under its customer (<see cref="EventCustomerKey"/>); the
    /// events above it are not, and are found by sequence.
    /// </summary>
    public const string Indexed = "indexed";

    /// <summary>When model scores were last aged (UTC ticks): claimed by one engine process per interval.</summary>
    public const string ScoresAged = "scores-aged";

    public required string Name { get; set; }

    public long Sequence { get; set; }
}
