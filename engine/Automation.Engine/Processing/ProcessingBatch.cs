using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;

namespace Automation.Engine.Processing;

/// <summary>
/// One batch as its home hands it to the processor: the events to fold in log order and the answers to what differs
/// between homes — where profiles live, which events were folded before, and how the batch is written.
/// </summary>
public abstract class ProcessingBatch(AutomationDbContext db, List<StoredEvent> events, List<StoredEvent> replay, DateTime now) : IAsyncDisposable
{
    public AutomationDbContext Db { get; } = db;

    /// <summary>The events to process, in log order.</summary>
    public List<StoredEvent> Events { get; } = events;

    /// <summary>
    /// Events whose side effects committed but whose profiles were lost with memory (a restart, a failed write): they
    /// are folded again, without side effects, before the batch.
    /// </summary>
    public List<StoredEvent> Replay { get; } = replay;

    public DateTime Now { get; } = now;

    /// <summary>Whether this batch may process the customer: its partition is one the batch holds (every customer, embedded).</summary>
    public virtual bool Holds(string customerId) => true;

    /// <summary>The events' customers in the order of their first event, each with the profile the home holds for it.</summary>
    public abstract List<BatchCustomer> Group(List<StoredEvent> events);

    /// <summary>Groups the batch and links its identify events; linking may merge histories (their customers are refolded).</summary>
    public abstract Task<(List<BatchCustomer> Customers, IdentityLinks Links)> LinkAsync(CancellationToken cancellationToken);

    /// <summary>Nothing left to fold: what the home holds in memory is written, so readers see it.</summary>
    public abstract Task CaughtUpAsync(CancellationToken cancellationToken);

    /// <summary>Completes once the batch before has written what this one's fold changes.</summary>
    public abstract Task FoldableAsync();

    /// <summary>The customer's events folded before this batch, oldest first (<paramref name="folding"/> left out).</summary>
    public abstract Task<List<StoredEvent>> HistoryAsync(string customerId, List<StoredEvent> folding, CancellationToken cancellationToken);

    /// <summary>Keeps a folded profile: in the home's memory, or among the batch's writes.</summary>
    public abstract void Keep(BatchCustomer customer, CustomerProfile profile, ProfileState state, ProfileWrites writes);

    /// <summary>A workflow starts on this customer's messages and reads their profile: it must find this one.</summary>
    public abstract void ShareWithReaders(CustomerProfile profile, ProfileState state);

    /// <summary>
    /// Writes the batch in one transaction: <paramref name="workflows"/> moves the workflows, then the events are recorded
    /// as processed, the rows and messages written, and the transaction committed. A home may go on writing after the call.
    /// </summary>
    public abstract Task WriteAsync(Func<AutomationDbContext, CancellationToken, Task> workflows, ProfileWrites writes, CancellationToken cancellationToken);

    /// <summary>The batch failed: whatever the home holds ahead of the database is dropped.</summary>
    public abstract Task AbandonAsync();

    public abstract ValueTask DisposeAsync();
}
