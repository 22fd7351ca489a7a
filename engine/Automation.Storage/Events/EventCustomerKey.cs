namespace Automation.Storage.Events;

/// <summary>
/// Embedded default: one event filed under its customer, in a table of keys only (WITHOUT ROWID, clustered by
/// customer, time and sequence). The processor files folded events here a few hundred thousand at a time, sorted, up
/// to the <see cref="ProcessingCheckpoint.Indexed"/> checkpoint; the events above it are found by sequence.
/// </summary>
public sealed class EventCustomerKey
{
    public required string CustomerId { get; set; }

    public DateTime Timestamp { get; set; }

    public long Sequence { get; set; }
}
