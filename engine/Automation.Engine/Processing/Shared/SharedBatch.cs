using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Engine.Processing.Shared;

/// <summary>A batch of the shared home: one locked transaction from reading to commit; events marked processed in it.</summary>
internal sealed class SharedBatch(
    AutomationDbContext db,
    IDbContextTransaction transaction,
    List<StoredEvent> events,
    DateTime now,
    HeldPartitions held,
    OutboxSignal outbox,
    ProcessingTimings timings) : ProcessingBatch(db, events, [], now)
{
    // Ids per IN-list statement: well under every provider's parameter limit.
    private const int Chunk = 5000;

    public override bool Holds(string customerId) => held.Holds(customerId);

    public override List<BatchCustomer> Group(List<StoredEvent> events) => BatchCustomer.Group(events, store: null);

    public override async Task<(List<BatchCustomer> Customers, IdentityLinks Links)> LinkAsync(CancellationToken cancellationToken)
    {
        // Identify events merge anonymous histories that may lie in other partitions, and may resolve to a customer of
        // another partition: those partitions' batches in progress finish first and wait for this one.
        var t = Stopwatch.GetTimestamp();
        await held.HoldAlsoAsync(Db, Events.Select(IdentityLinker.AnonymousIdOf).OfType<string>(), cancellationToken);
        timings.Add("hold linked partitions", t);
        var links = (await IdentityLinker.LinkAsync(Db, Events, Now, cancellationToken))!;
        t = Stopwatch.GetTimestamp();
        await held.HoldAlsoAsync(Db, Events.Select(e => e.CustomerId).Concat(links.Rebuild), cancellationToken);
        timings.Add("hold linked partitions", t);
        return (Group(Events), links);
    }

    public override Task CaughtUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task FoldableAsync() => Task.CompletedTask;

    public override async Task<List<StoredEvent>> HistoryAsync(string customerId, List<StoredEvent> folding, CancellationToken cancellationToken)
    {
        var excluded = folding.Select(e => e.Sequence).ToHashSet();
        var history = await Db.Events.AsNoTracking().Where(e => e.CustomerId == customerId && e.Processed).ToListAsync(cancellationToken);
        return [.. history.Where(e => !excluded.Contains(e.Sequence)).OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence)];
    }

    public override void Keep(BatchCustomer customer, CustomerProfile profile, ProfileState state, ProfileWrites writes)
    {
        state.Serialize(profile);
        writes.Profile(profile);
    }

    // The profile is written in the transaction that publishes the messages: readers find it stored.
    public override void ShareWithReaders(CustomerProfile profile, ProfileState state)
    {
    }

    public override async Task WriteAsync(Func<AutomationDbContext, CancellationToken, Task> workflows, ProfileWrites writes, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        await workflows(Db, cancellationToken);
        t = timings.Add("workflows", t);
        foreach (var chunk in Events.Select(e => e.Sequence).Chunk(Chunk))
        {
            await Db.Events.Where(e => EF.Parameter(chunk).Contains(e.Sequence)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Processed, true), cancellationToken);
        }

        t = timings.Add("mark processed", t);
        await writes.WriteAsync(Db, cancellationToken, timings);
        t = timings.Add("write profiles", t);
        await Db.SaveChangesAsync(cancellationToken);
        t = timings.Add("save workflows", t);
        await transaction.CommitAsync(cancellationToken);
        timings.Add("commit", t);
        outbox.Notify();
    }

    public override Task AbandonAsync() => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
