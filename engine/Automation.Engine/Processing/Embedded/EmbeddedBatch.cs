using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// A batch of the embedded home. It is read, folded, scored and evaluated before it takes the file's write gate, so
/// appends go on meanwhile; its write (workflows, cursor, rows, commit) then goes on behind the processor, on this
/// batch's context, while the next batch is read and folded.
/// </summary>
internal sealed class EmbeddedBatch(
    EmbeddedProcessingHome home,
    AutomationDbContext db,
    IDisposable writing,
    List<StoredEvent> events,
    List<StoredEvent> replay,
    long cursor,
    long waiting,
    DateTime now) : ProcessingBatch(db, events, replay, now)
{
    private IDbContextTransaction? transaction;
    private bool handedOver;
    private bool linked;
    private bool merged;

    private ProfileStore Store => home.Store;

    public override List<BatchCustomer> Group(List<StoredEvent> events) => BatchCustomer.Group(events, Store);

    public override async Task<(List<BatchCustomer> Customers, IdentityLinks Links)> LinkAsync(CancellationToken cancellationToken)
    {
        // Linking that rewrites stored events, aliases or profiles happens inside the batch's transaction, once the
        // write behind (which may hold links of its own) has committed; such a batch is written before the call returns.
        // A profile held in memory is a customer's own, never an alias: a merged-away id is forgotten as it merges.
        var t = Stopwatch.GetTimestamp();
        var customers = Group(Events);
        home.Timings.Add("group by customer", t, customers.Count);
        var links = await IdentityLinker.LinkAsync(Db, Events, Now, cancellationToken, readOnly: true, unknown: customers.Where(c => c.Held is null).Select(c => c.CustomerId));
        if (links is null)
        {
            linked = true;
            await home.SettleAsync(rethrow: true);
            await BeginAsync(cancellationToken);
            links = (await IdentityLinker.LinkAsync(Db, Events, Now, cancellationToken))!;
        }

        foreach (var anonymous in links.MergedAway)
        {
            Store.Forget(anonymous);
        }

        // Linking moved events to other customers and forgot merged-away ones: their groups and entries changed.
        merged = links.Rebuild.Count > 0;
        return (linked ? Group(Events) : customers, links);
    }

    public override async Task CaughtUpAsync(CancellationToken cancellationToken)
    {
        await home.SettleAsync(rethrow: true);
        if (Store.Dirty > 0 || Replay.Count > 0)
        {
            // Caught up: what is in memory goes to the database now, so readers see it.
            var t = Stopwatch.GetTimestamp();
            var caughtUp = await BeginAsync(cancellationToken);
            var flush = await Store.WriteChangedAsync(Db, cursor, cancellationToken);
            await caughtUp.CommitAsync(cancellationToken);
            Store.Flushed(flush);
            home.Timings.Add("  flush profiles when caught up", t, flush.Rows.Count);
        }
    }

    public override Task FoldableAsync() => home.Foldable;

    public override async Task<List<StoredEvent>> HistoryAsync(string customerId, List<StoredEvent> folding, CancellationToken cancellationToken)
    {
        // Those at or below the cursor, each part (filed by customer, or not yet) found by its own index.
        var excluded = folding.Select(e => e.Sequence).ToHashSet();
        List<StoredEvent> history = [];
        foreach (var part in EventCustomerRows.Parts(Db, customerId))
        {
            history.AddRange((await part.AsNoTracking().Where(e => e.Sequence <= cursor).ToListAsync(cancellationToken)).Where(e => !excluded.Contains(e.Sequence)));
        }

        return [.. history.OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence)];
    }

    public override void Keep(BatchCustomer customer, CustomerProfile profile, ProfileState state, ProfileWrites writes)
    {
        if (customer.Held is { } entry && ReferenceEquals(entry.Profile, profile))
        {
            entry.State = state;
            Store.Changed(entry);
        }
        else
        {
            customer.Held = Store.Changed(profile, state);
        }
    }

    // Stored profiles stay stale until a flush: a workflow reading one gets this copy instead.
    public override void ShareWithReaders(CustomerProfile profile, ProfileState state) => Store.Publish(profile, state);

    public override async Task WriteAsync(Func<AutomationDbContext, CancellationToken, Task> workflows, ProfileWrites writes, CancellationToken cancellationToken)
    {
        // The batch behind commits first: this one's transaction needs the file after it.
        var t = Stopwatch.GetTimestamp();
        await home.SettleAsync(rethrow: true);
        home.Timings.Add("wait for the write behind", t);
        var foldsFrom = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = Events.Count > 0 ? Events[^1].Sequence : cursor;
        // Caught up only if nothing newer was accepted meanwhile: under a steady stream (HTTP senders) every batch reaches
        // what was waiting when it was read, and flushing each one wrote every customer once per batch rather than once
        // per flush. Then the profiles wait as under a backlog, and the batch that finds nothing after it flushes them.
        var reachesEnd = (Events.Count < home.Processing.BatchSize || last >= cursor + waiting) && !home.MoreAccepted;
        var flushes = Replay.Count > 0 || merged || reachesEnd;

        // On a thread of its own: SQLite's async calls complete synchronously, so the write would otherwise run to its
        // commit before this call returned.
        var write = Task.Run(() => WriteBehindAsync(workflows, writes, last, flushes, foldsFrom, cancellationToken), CancellationToken.None);
        handedOver = true;
        home.Behind(write, last, foldsFrom.Task);
        if (linked)
        {
            await home.SettleAsync(rethrow: true);
        }
    }

    public override async Task AbandonAsync()
    {
        // Memory may now be ahead of the rolled-back database: the next batch starts over from the database.
        await home.SettleAsync(rethrow: false);
        Store.Reset();
    }

    public override async ValueTask DisposeAsync()
    {
        if (!handedOver)
        {
            await DisposeContextAsync();
        }

        writing.Dispose();
    }

    private async Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken) =>
        transaction ??= await Db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// The batch's transaction: workflows moved, the cursor, a profile flush when due, memberships and outbox messages,
    /// commit. <paramref name="foldsFrom"/> is set once nothing left to do reads what the next batch's fold changes.
    /// </summary>
    private async Task<Written> WriteBehindAsync(Func<AutomationDbContext, CancellationToken, Task> workflows, ProfileWrites writes, long last, bool flushes, TaskCompletionSource foldsFrom, CancellationToken cancellationToken)
    {
        var timings = home.Timings;
        try
        {
            var t = Stopwatch.GetTimestamp();
            var write = await BeginAsync(cancellationToken);
            t = timings.Add("wait for the write gate", t);
            await workflows(Db, cancellationToken);
            t = timings.Add("workflows", t);
            await ProfileStore.SaveCursorAsync(Db, last, cancellationToken);

            // Caught up (the batch reached the end of the log), a merged history (its profile was refolded from rows
            // that just changed hands), or enough waiting: write the profiles in this batch's transaction. Caught up, the
            // segment messages this batch sends must find the profiles they describe: the workflows they start read the
            // stored profile (a contact detail from this very batch, say).
            var processing = home.Processing;
            var flushing = flushes || Store.Dirty >= processing.MaxUnwrittenProfiles || Store.DirtyFor >= processing.ProfileFlushInterval ? Store.TakeChangedAsync() : null;
            writes.Freeze();
            if (flushing is null)
            {
                foldsFrom.TrySetResult();
            }
            else
            {
                // The next batch folds once the flush's copies are serialized, which goes on while memberships are written.
                _ = flushing.ContinueWith(static (_, next) => ((TaskCompletionSource)next!).TrySetResult(), foldsFrom, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            t = timings.Add("mark processed", t);
            await writes.WriteAsync(Db, cancellationToken, timings);
            t = timings.Add("write profiles", t);
            ProfileStore.Flush? flush = null;
            if (flushing is not null)
            {
                flush = await flushing;
                t = timings.Add("  wait for the flush's copies", t);
                await Store.WriteAsync(Db, flush, last, cancellationToken);
                t = timings.Add("  flush profiles", t, flush.Rows.Count);
            }

            await Db.SaveChangesAsync(cancellationToken);
            t = timings.Add("save workflows", t);
            await write.CommitAsync(cancellationToken);
            timings.Add("commit", t);
            home.Outbox.Notify();
            return new Written(last, flush);
        }
        finally
        {
            foldsFrom.TrySetResult();
            await DisposeContextAsync();
        }
    }

    private async Task DisposeContextAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await Db.DisposeAsync();
    }

    /// <summary>What a batch's write committed: the cursor, and the profile flush it carried.</summary>
    internal sealed record Written(long Cursor, ProfileStore.Flush? Flush);
}
