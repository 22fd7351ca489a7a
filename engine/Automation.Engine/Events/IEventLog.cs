using Automation.Storage;
using Automation.Storage.Events;

namespace Automation.Engine.Events;

/// <summary>
/// The event log as the home chosen at composition keeps it: appended to by ingestion, and settled and scrubbed by
/// whoever must see or remove every stored event (erasure, metrics).
/// </summary>
public interface IEventLog
{
    /// <summary>Appends the events, skipping any whose id the log already has; returns how many were new.</summary>
    Task<int> AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>Events accepted but not yet in the log's table (staged while its writer was busy).</summary>
    long Staged(AutomationDbContext db);

    /// <summary>Moves whatever is accepted but staged into the log's table, so that a query over it sees every event.</summary>
    Task SettleAsync(AutomationDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// After an erasure: forgets events handed on in memory, and leaves no earlier version of overwritten rows in the
    /// database's logs; false when a reader kept a log from being emptied.
    /// </summary>
    Task<bool> ScrubAsync(AutomationDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes, in one transaction, the events with sequences <paramref name="first"/> to <paramref name="last"/> received
    /// before <paramref name="receivedBefore"/> that are processed into stored profiles, with whatever the log keeps beside
    /// them; returns how many went. Takes no transaction when none is due.
    /// </summary>
    Task<int> DeleteProcessedAsync(AutomationDbContext db, long first, long last, DateTime receivedBefore, CancellationToken cancellationToken);
}
