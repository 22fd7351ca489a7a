using System.Diagnostics;
using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events;

/// <summary>
/// Takes stored events in log order and, per customer, updates the profile, re-evaluates the segments, resumes
/// instances waiting for those events and starts event-triggered workflows — all in one transaction per batch,
/// with segment changes leaving through the outbox. Profiles and memberships of the whole batch are read in a few
/// untracked queries, changed in memory and written back set-based (ProfileWrites): per-row change tracking and one
/// UPDATE per profile cost far more than the work itself.
/// </summary>
public sealed partial class EventProcessor(
    IDbContextFactory<AutomationDbContext> databases,
    ProfileUpdater updater,
    FeatureCalculator calculator,
    RfmScorer rfm,
    SegmentCatalog segments,
    ProfileScoring scoring,
    InstanceResumer resumer,
    WorkflowStarter starter,
    OutboxSignal outbox,
    ProfileWriteGate gate,
    ProfileStore store,
    EventTail tail,
    EventFiler filer,
    EventInbox inbox,
    IOptions<AutomationOptions> options,
    ProcessingTimings timings,
    TimeProvider clock,
    ILogger<EventProcessor> logger) : IAsyncDisposable
{
    // Ids per IN-list query: one round trip for most batches, well under every provider's parameter limit.
    private const int LookupChunk = 5000;

    // The embedded default's write of the last batch, still going on behind the processor, and the cursor it commits.
    private (Task<Written> Task, long Cursor)? behind;

    // Done once the write behind has moved its workflows on and detached its rows: the next batch may fold from then on.
    private Task foldable = Task.CompletedTask;

    /// <summary>
    /// Processes one batch; returns how many events it took. On the embedded default the batch's write (workflows,
    /// rows, commit) goes on behind the call while the next batch is read and folded; every other writer of profiles
    /// waits for it at the <see cref="ProfileWriteGate"/>.
    /// </summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        using var writing = await gate.EnterAheadAsync(cancellationToken);
        try
        {
            return await ProcessAsync(cancellationToken);
        }
        catch
        {
            // Memory may now be ahead of the rolled-back database: the next batch starts over from the database.
            await SettleAsync(rethrow: false);
            store.Reset();
            throw;
        }
    }

    /// <summary>Waits until the write behind the processor has committed (or failed and been dropped).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        using var writing = await gate.EnterAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await SettleAsync(rethrow: false);

    /// <summary>
    /// Waits for the write behind the processor and takes in what it committed (its cursor, its flush); when it failed,
    /// memory is dropped so that the next batch recovers from the database. Called under the gate.
    /// </summary>
    private async Task SettleAsync(bool rethrow)
    {
        if (behind is not { } write)
        {
            return;
        }

        behind = null;
        foldable = Task.CompletedTask;
        try
        {
            var written = await write.Task;
            store.Committed(written.Cursor);
            if (written.Flush is { } flush)
            {
                store.Flushed(flush);
            }
        }
        catch (Exception ex) when (!rethrow)
        {
            LogWriteFailed(logger, ex);
            store.Reset();
        }
        catch
        {
            store.Reset();
            throw;
        }
    }

    private async Task<int> ProcessAsync(CancellationToken cancellationToken)
    {
        var db = await databases.CreateDbContextAsync(cancellationToken);
        IDbContextTransaction? transaction = null;
        var handedOver = false;
        try
        {
            if (db.IsPostgres)
            {
                // PostgreSQL may have several engine processes folding profiles: each batch is one locked transaction,
                // and one processor at a time keeps each customer's events in order across them.
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var locked = await db.Database.SqlQueryRaw<bool>(ProfileWriteGate.TryAdvisoryLockSql).SingleAsync(cancellationToken);
                if (!locked)
                {
                    return 0;
                }
            }

            return await ProcessAsync(db, WriteAsync, () => handedOver = true, cancellationToken);
        }
        finally
        {
            if (!handedOver)
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }

                await db.DisposeAsync();
            }
        }

        async Task<IDbContextTransaction> WriteAsync() => transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// The embedded default is the only writer of its profiles (write-behind, <see cref="ProfileStore"/>), so it reads,
    /// folds, scores and evaluates the batch before it takes the file's write gate (<paramref name="write"/>): appends
    /// go on meanwhile, instead of waiting for the whole batch. The write itself (<see cref="WriteAsync"/>) then goes on
    /// behind the call, on this context (<paramref name="handOver"/>), while the next batch is read and folded.
    /// </summary>
    private async Task<int> ProcessAsync(AutomationDbContext db, Func<Task<IDbContextTransaction>> write, Action handOver, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        var processing = options.Value.Processing;
        var writeBehind = !db.IsPostgres;
        var now = clock.GetUtcNow().UtcDateTime;
        var recovered = writeBehind && store.NeedsRecovery && await RecoverAsync(db, now, cancellationToken);
        var cursor = behind?.Cursor ?? store.Cursor ?? 0;

        // A batch takes everything waiting, up to a backlog batch: a customer with many events waiting is then scored,
        // evaluated and written once for all of them (a 400k backlog took 80 batches of 5k, each customer evaluated in
        // most of them). A caught-up processor's batches are short anyway.
        var waiting = writeBehind ? await SqliteEventReader.CountAfterAsync(db, cursor, cancellationToken) : 0;
        if (writeBehind && (inbox.Pending > 0 || !inbox.Recovered))
        {
            // What was accepted while the writer was busy joins the log in one append, for this batch to fold. With
            // events of the log to fold meanwhile, not at the price of waiting for the write behind to commit.
            var moved = waiting == 0 || behind is null ? await inbox.MoveAsync(db, cancellationToken) : await inbox.TryMoveAsync(db, cancellationToken);
            waiting += moved;
            t = timings.Add("move staged events into the log", t, moved);
        }

        var size = (int)Math.Clamp(waiting, processing.BatchSize, processing.BacklogBatchSize);
        if (writeBehind)
        {
            await filer.StartIfDueAsync(db, cursor + waiting, cancellationToken);
        }

        // Read untracked and mark processed by sequence: tracking every event row costs more than the work.
        var batch = writeBehind
            ? await ReadAfterAsync(db, cursor, size, cancellationToken)
            : await db.Events.AsNoTracking().Where(e => !e.Processed).OrderBy(e => e.Sequence).Take(processing.BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            await SettleAsync(rethrow: true);
            if (writeBehind && (store.Dirty > 0 || recovered))
            {
                // Caught up: what is in memory goes to the database now, so readers see it.
                var caughtUp = await write();
                var flush = await store.WriteChangedAsync(db, cursor, cancellationToken);
                await caughtUp.CommitAsync(cancellationToken);
                store.Flushed(flush);
                timings.Add("  flush profiles when caught up", t, flush.Rows.Count);
            }

            return 0;
        }

        t = timings.Add("read batch", t, batch.Count);

        // Linking that rewrites stored events, aliases or profiles happens inside the batch's transaction, once the
        // write behind (which may hold links of its own) has committed; such a batch is written before the call returns.
        // A profile held in memory is a customer's own, never an alias: a merged-away id is forgotten as it merges.
        var customers = BatchCustomer.Group(batch, writeBehind ? store : null);
        t = timings.Add("group by customer", t, customers.Count);
        var links = await IdentityLinker.LinkAsync(db, batch, now, cancellationToken, readOnly: writeBehind, unknown: writeBehind ? customers.Where(c => c.Held is null).Select(c => c.CustomerId) : null);
        var linked = links is null;
        if (links is null)
        {
            await SettleAsync(rethrow: true);
            await write();
            links = (await IdentityLinker.LinkAsync(db, batch, now, cancellationToken))!;
        }

        foreach (var anonymous in links.MergedAway)
        {
            store.Forget(anonymous);
        }

        if (linked)
        {
            // Linking moved events to other customers and forgot merged-away ones: their groups and entries changed.
            customers = BatchCustomer.Group(batch, writeBehind ? store : null);
        }

        t = timings.Add("identify links", t);
        var context = await PrepareAsync(db, customers, now, writeBehind, cursor, cancellationToken);
        t = timings.Add("load profiles", t, context.Profiles.Count);
        await foldable;
        t = timings.Add("wait for the write behind", t);
        var evaluated = new List<EvaluatedCustomer>(customers.Count);
        foreach (var customer in customers)
        {
            evaluated.Add(await EvaluateCustomerAsync(db, context, customer, links.Rebuild.Count > 0 && links.Rebuild.Contains(customer.CustomerId), cancellationToken));
        }

        // Summed per batch: three stage timers per customer cost a visible share of the evaluation itself.
        timings.AddTicks("  fold events", context.FoldTicks);
        timings.AddTicks("  features + scores", context.ScoreTicks);
        timings.AddTicks("  segments", context.SegmentTicks);
        t = timings.Add("per customer", t);

        // The batch behind commits first: this one's transaction needs the file after it.
        await SettleAsync(rethrow: true);
        timings.Add("wait for the write behind", t);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refolded = recovered || links.Rebuild.Count > 0;
        if (!writeBehind)
        {
            await WriteAsync(db, write, context, evaluated, batch, flushes: false, written, cancellationToken);
            return batch.Count;
        }

        // On a thread of its own: SQLite's async calls complete synchronously, so the write would otherwise run to its
        // commit before this call returned.
        var reachesEnd = batch.Count < processing.BatchSize || batch[^1].Sequence >= cursor + waiting;
        var writing = Task.Run(() => WriteAsync(db, write, context, evaluated, batch, refolded || reachesEnd, written, cancellationToken), CancellationToken.None);

        handOver();
        behind = (writing, batch[^1].Sequence);
        foldable = written.Task;
        gate.Behind(() => SettleAsync(rethrow: false));
        if (linked)
        {
            await SettleAsync(rethrow: true);
        }

        return batch.Count;
    }

    /// <summary>
    /// The batch's transaction: waiting instances moved on and workflows started, the cursor, a profile flush when due,
    /// memberships and outbox messages, commit. <paramref name="foldable"/> is set once nothing left to do reads what the
    /// next batch's fold changes (the profiles, their memberships). Embedded, it disposes the context it was handed.
    /// </summary>
    private async Task<Written> WriteAsync(
        AutomationDbContext db,
        Func<Task<IDbContextTransaction>> write,
        BatchContext context,
        List<EvaluatedCustomer> evaluated,
        List<StoredEvent> batch,
        bool flushes,
        TaskCompletionSource foldable,
        CancellationToken cancellationToken)
    {
        IDbContextTransaction? transaction = null;
        try
        {
            var t = Stopwatch.GetTimestamp();
            var processing = options.Value.Processing;
            transaction = await write();
            t = timings.Add("wait for the write gate", t);
            await LoadInstancesAsync(db, context, evaluated, cancellationToken);
            foreach (var customer in evaluated)
            {
                await RunWorkflowsAsync(db, context, customer, cancellationToken);
            }

            t = timings.Add("workflows", t);
            var last = batch[^1].Sequence;
            Task<ProfileStore.Flush>? flushing = null;
            if (context.WriteBehind)
            {
                await ProfileStore.SaveCursorAsync(db, last, cancellationToken);

                // Caught up (the batch reached the end of the log), a merged history (its profile was refolded from rows
                // that just changed hands), or enough waiting: write the profiles and file their events by customer in this
                // batch's transaction. Caught up, the segment messages this batch sends must find the profiles they
                // describe: the workflows they start read the stored profile (a contact detail from this very batch, say).
                if (flushes || store.Dirty >= processing.MaxUnwrittenProfiles || store.DirtyFor >= processing.ProfileFlushInterval)
                {
                    flushing = store.TakeChangedAsync();
                }

                context.Writes.Freeze();
                if (flushing is null)
                {
                    foldable.TrySetResult();
                }
                else
                {
                    // The next batch folds once the flush's copies are serialized, which goes on while memberships are written.
                    _ = flushing.ContinueWith(static (_, next) => ((TaskCompletionSource)next!).TrySetResult(), foldable, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
            else
            {
                foreach (var chunk in batch.Select(e => e.Sequence).Chunk(LookupChunk))
                {
                    await db.Events.Where(e => EF.Parameter(chunk).Contains(e.Sequence)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Processed, true), cancellationToken);
                }
            }

            t = timings.Add("mark processed", t);
            await context.Writes.WriteAsync(db, cancellationToken, timings);
            t = timings.Add("write profiles", t);
            ProfileStore.Flush? flush = null;
            if (flushing is not null)
            {
                flush = await flushing;
                t = timings.Add("  wait for the flush's copies", t);
                await store.WriteAsync(db, flush, last, cancellationToken);
                t = timings.Add("  flush profiles", t, flush.Rows.Count);
            }

            await db.SaveChangesAsync(cancellationToken);
            t = timings.Add("save workflows", t);
            await transaction.CommitAsync(cancellationToken);
            timings.Add("commit", t);
            outbox.Notify();
            return new Written(last, flush);
        }
        finally
        {
            foldable.TrySetResult();
            if (context.WriteBehind)
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }

                await db.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The next events after the cursor: those this process appended from its <see cref="EventTail"/>, the rest (another
    /// writer's, or beyond what the tail holds) from the log, so that a short batch still means the log has no more.
    /// </summary>
    private async Task<List<StoredEvent>> ReadAfterAsync(AutomationDbContext db, long cursor, int size, CancellationToken cancellationToken)
    {
        var batch = tail.Take(cursor, size);
        if (batch.Count < size)
        {
            batch.AddRange(await SqliteEventReader.ReadAfterAsync(db, batch.Count > 0 ? batch[^1].Sequence : cursor, size - batch.Count, cancellationToken));
        }

        return batch;
    }

    /// <summary>
    /// After a restart or a failed batch: the events whose side effects committed but whose profiles were still in
    /// memory (above the stored profiles' checkpoint, filed or not) are folded again into the stored
    /// profiles, without side effects — those left with their batches. Returns whether there were any.
    /// </summary>
    private async Task<bool> RecoverAsync(AutomationDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var cursor = await store.LoadCursorAsync(db, cancellationToken);
        var flushed = await store.LoadFlushedAsync(db, cancellationToken);
        if (!store.FlushRecorded)
        {
            // Before any event is filed ahead of the processor (EventFiler): recovery must not go by the last event filed.
            await using var record = await db.Database.BeginTransactionAsync(cancellationToken);
            await store.RecordFlushedAsync(db, cancellationToken);
            await record.CommitAsync(cancellationToken);
        }

        var unwritten = await db.Events.AsNoTracking().Where(e => e.Sequence > flushed && e.Sequence <= cursor).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        if (unwritten.Count == 0)
        {
            return false;
        }

        var customers = BatchCustomer.Group(unwritten, store);
        var context = await PrepareAsync(db, customers, now, writeBehind: true, cursor, cancellationToken, workflows: false);
        foreach (var customer in customers)
        {
            var (profile, state) = await FoldAsync(db, context, customer, rebuild: false, cancellationToken);
            Score(context, profile, state);
        }

        return true;
    }

    /// <summary>
    /// Everything the batch's customers need, read in a few queries: profiles not held in memory and memberships
    /// untracked, active instances tracked (those waiting move on).
    /// </summary>
    private async Task<BatchContext> PrepareAsync(AutomationDbContext db, List<BatchCustomer> customers, DateTime now, bool writeBehind, long cursor, CancellationToken cancellationToken, bool workflows = true)
    {
        var triggers = workflows
            ? (await db.WorkflowVersions.AsNoTracking().Where(v => v.Status == WorkflowVersionStatus.Published)
                .Select(v => new { v.TriggerType, v.TriggerKey }).Distinct().ToListAsync(cancellationToken)).Select(v => (Type: v.TriggerType, Key: v.TriggerKey)).ToHashSet()
            : [];
        var context = new BatchContext
        {
            Now = now,
            WriteBehind = writeBehind,
            Cursor = cursor,
            Segments = await segments.CurrentAsync(cancellationToken),
            Round = await scoring.PrepareAsync(db, cancellationToken),
            Triggers = triggers,
            EventTriggers = [.. triggers.Where(t => t.Type == TriggerTypes.Event).Select(t => t.Key)],
        };
        var t = Stopwatch.GetTimestamp();

        // Two index probes spare a first import the lookup of a hundred thousand ids that cannot be found.
        var profiles = await db.Profiles.AnyAsync(cancellationToken);
        var memberships = workflows && await db.SegmentMemberships.AnyAsync(cancellationToken);
        foreach (var chunk in customers.Chunk(LookupChunk))
        {
            var missing = chunk.Where(c => !writeBehind || c.Held is null).Select(c => c.CustomerId).ToArray();
            foreach (var p in profiles && missing.Length > 0 ? await db.Profiles.AsNoTracking().Where(p => EF.Parameter(missing).Contains(p.CustomerId)).ToListAsync(cancellationToken) : [])
            {
                context.Profiles[p.CustomerId] = p;
            }

            t = timings.Add("  profiles", t, missing.Length);
            if (!workflows)
            {
                continue;
            }

            // Write-behind keeps each customer's memberships with the profile after the first read.
            var unknown = chunk.Where(c => !writeBehind || c.Held?.Memberships is null).Select(c => c.CustomerId).ToArray();
            foreach (var id in unknown)
            {
                context.Memberships[id] = [];
            }

            foreach (var m in memberships && unknown.Length > 0 ? await db.SegmentMemberships.AsNoTracking().Where(m => EF.Parameter(unknown).Contains(m.CustomerId)).ToListAsync(cancellationToken) : [])
            {
                (context.Memberships.TryGetValue(m.CustomerId, out var list) ? list : context.Memberships[m.CustomerId] = []).Add(m);
            }

            t = timings.Add("  memberships", t);
        }

        return context;
    }

    /// <summary>
    /// The instances this batch may move, tracked, read inside the batch's transaction (timers, approvals and dispatch
    /// move instances too): those of its customers waiting for an event type the customer's batch holds, and the active
    /// instances of event-triggered workflows for the customers whose events may start one, so that the starter knows
    /// who is already in without a query per start. Every other active instance stays untracked: loading them all
    /// (tens of thousands per batch under a steady ingest) made loading and saving the batch's workflows its costliest part.
    /// </summary>
    private static async Task LoadInstancesAsync(AutomationDbContext db, BatchContext context, List<EvaluatedCustomer> evaluated, CancellationToken cancellationToken)
    {
        List<string> triggering = context.EventTriggers.Count == 0 ? [] : [.. evaluated.Where(c => c.Events.Exists(e => context.EventTriggers.Contains(e.Type))).Select(c => c.CustomerId)];

        // Their re-entry rules are answered from one read of their past entries.
        foreach (var chunk in triggering.Chunk(LookupChunk))
        {
            await WorkflowEntries.LoadAsync(db, chunk, cancellationToken);
        }

        List<string> keys = [];
        foreach (var type in context.EventTriggers)
        {
            foreach (var (workflowId, _) in await WorkflowStarter.VersionsAsync(db, TriggerTypes.Event, type, cancellationToken))
            {
                keys.AddRange(triggering.Select(c => WorkflowStarter.ActiveKey(workflowId, c)));
            }
        }

        // The event types instances wait for (a handful, read from their index), then who of this batch waits for one.
        var waitedFor = (await db.WorkflowInstances.Where(i => i.WaitingForEvent != null).Select(i => i.WaitingForEvent!).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        List<string> waiting = waitedFor.Count == 0 ? [] : [.. evaluated.Where(c => c.Events.Exists(e => waitedFor.Contains(e.Type))).Select(c => c.CustomerId)];
        List<WorkflowInstance> loaded = [];
        foreach (var chunk in waiting.Chunk(LookupChunk))
        {
            loaded.AddRange(await db.WorkflowInstances
                .Where(i => EF.Parameter(chunk).Contains(i.CustomerId) && i.Status == WorkflowInstanceStatus.Waiting && i.WaitingForEvent != null && waitedFor.Contains(i.WaitingForEvent))
                .ToListAsync(cancellationToken));
        }

        foreach (var instance in loaded)
        {
            (context.Waiting.TryGetValue(instance.CustomerId, out var list) ? list : context.Waiting[instance.CustomerId] = []).Add(instance);
        }

        var active = new List<WorkflowInstance>();
        foreach (var chunk in (keys.Count > 0 && await db.WorkflowInstances.AnyAsync(i => i.ActiveKey != null, cancellationToken) ? keys : []).Chunk(LookupChunk))
        {
            active.AddRange(await db.WorkflowInstances.Where(i => EF.Parameter(chunk).Contains(i.ActiveKey)).ToListAsync(cancellationToken));
        }

        WorkflowStarter.HoldActiveInstances(db, keys, active.Concat(loaded));
    }

    /// <summary>Folds the customer's events, scores the profile and evaluates the segments (changes go to the batch's writes).</summary>
    private async ValueTask<EvaluatedCustomer> EvaluateCustomerAsync(AutomationDbContext db, BatchContext context, BatchCustomer customer, bool rebuild, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        var (customerId, events) = (customer.CustomerId, customer.Events);
        var (profile, state) = await FoldAsync(db, context, customer, rebuild, cancellationToken);
        var folded = Stopwatch.GetTimestamp();
        context.FoldTicks += folded - t;
        var (features, scores, crossings) = Score(context, profile, state);
        t = Stopwatch.GetTimestamp();
        context.ScoreTicks += t - folded;
        var current = context.Memberships.Count > 0 ? context.Memberships.GetValueOrDefault(customerId) : null;
        if (context.WriteBehind && customer.Held is { } held)
        {
            current ??= held.Memberships;
            held.Memberships = current ??= [];
        }

        var changes = MembershipWriter.Apply(context.Writes, context.Segments, features, scores, current ?? [], context.Now, context.WriteBehind ? current : null);
        if (context.WriteBehind && context.Triggers.Count > 0 && StartsWorkflow(context.Triggers, changes, crossings))
        {
            // A workflow starts on one of these messages and reads the profile: keep the copy it should read.
            store.Publish(profile, state);
        }

        context.SegmentTicks += Stopwatch.GetTimestamp() - t;
        return new EvaluatedCustomer(customerId, events, profile, state, features, scores);
    }

    /// <summary>
    /// True when a published workflow starts on one of these messages. Apart from the caller, whose every call would
    /// otherwise allocate the lambdas' closure, needed or not.
    /// </summary>
    private static bool StartsWorkflow(HashSet<(string Type, string? Key)> triggers, List<MembershipChange> changes, IReadOnlyList<ScoreThresholdCrossed> crossings)
    {
        foreach (var c in changes)
        {
            if (triggers.Contains((c.Entered ? TriggerTypes.SegmentEntered : TriggerTypes.SegmentExited, c.Segment)))
            {
                return true;
            }
        }

        foreach (var c in crossings)
        {
            if (triggers.Contains((TriggerTypes.ScoreCrossed, c.Score)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Resumes the customer's instances waiting for these events and starts the workflows they trigger.</summary>
    private Task RunWorkflowsAsync(AutomationDbContext db, BatchContext context, EvaluatedCustomer customer, CancellationToken cancellationToken) =>
        context.EventTriggers.Count == 0 && !context.Waiting.ContainsKey(customer.CustomerId)
            ? Task.CompletedTask // nothing waits for this customer's events and no workflow starts on one: the common case under load
            : MoveWorkflowsAsync(db, context, customer, cancellationToken);

    private async Task MoveWorkflowsAsync(AutomationDbContext db, BatchContext context, EvaluatedCustomer customer, CancellationToken cancellationToken)
    {
        var (customerId, events, profile, state, features, scores) = customer;
        var now = context.Now;
        var types = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        var waiting = (context.Waiting.GetValueOrDefault(customerId) ?? []).Where(i => i.Status == WorkflowInstanceStatus.Waiting && types.Contains(i.WaitingForEvent!)).ToList();
        var triggers = types.Where(context.EventTriggers.Contains).ToList();
        if (context.WriteBehind && (waiting.Count > 0 || triggers.Count > 0))
        {
            // Workflow conditions read the profile's stored columns, which write-behind leaves stale until a flush.
            state.Serialize(profile);
        }

        foreach (var instance in waiting)
        {
            await resumer.ResumeAsync(db, instance, "event", $"{instance.WaitingForEvent} happened", now, cancellationToken, profile);
        }

        foreach (var type in triggers)
        {
            await starter.StartOnEventsAsync(db, type, events, customerId, profile, features, scores, now, cancellationToken);
        }
    }

    /// <summary>Folds the customer's events into the profile (held in memory, loaded, or new) and keeps it for writing.</summary>
    private async ValueTask<(CustomerProfile Profile, ProfileState State)> FoldAsync(AutomationDbContext db, BatchContext context, BatchCustomer customer, bool rebuild, CancellationToken cancellationToken)
    {
        var (customerId, events) = (customer.CustomerId, customer.Events);
        CustomerProfile profile;
        ProfileState state;
        if (context.WriteBehind && customer.Held is { } held)
        {
            (profile, state) = (held.Profile, held.State);
        }
        else
        {
            if (context.Profiles.Count == 0 || !context.Profiles.TryGetValue(customerId, out profile!))
            {
                profile = ProfileUpdater.NewProfile(customerId, events.Min(e => e.Timestamp));
            }

            state = ProfileState.Read(profile);
        }

        if (rebuild || updater.NeedsRefold(state, events))
        {
            // A merged history (identify), or an event older than the kept sessions, is folded again from the stored
            // events, so every aggregate ends as if all had come in order.
            var history = await HistoryAsync(db, context, customerId, events, cancellationToken);
            ProfileUpdater.Reset(profile, history.Concat(events).Min(e => e.Timestamp));
            state = ProfileState.Empty();
            foreach (var e in history)
            {
                updater.Apply(profile, state, e);
            }
        }

        foreach (var e in events)
        {
            updater.Apply(profile, state, e);
        }

        state.Settle(profile, context.Now, updater.CartWindow);
        profile.UpdatedAt = context.Now;
        if (context.WriteBehind)
        {
            if (customer.Held is { } entry && ReferenceEquals(entry.Profile, profile))
            {
                entry.State = state;
                store.Changed(entry);
            }
            else
            {
                customer.Held = store.Changed(profile, state);
            }
        }
        else
        {
            state.Serialize(profile);
            context.Writes.Profile(profile);
        }

        return (profile, state);
    }

    /// <summary>
    /// The customer's events already folded, oldest first: PostgreSQL's marked processed, or (write-behind) those at or below
    /// the cursor — each part found by its own index.
    /// </summary>
    private static async Task<List<StoredEvent>> HistoryAsync(AutomationDbContext db, BatchContext context, string customerId, List<StoredEvent> events, CancellationToken cancellationToken)
    {
        List<StoredEvent> history;
        if (context.WriteBehind)
        {
            var cursor = context.Cursor;
            var folding = events.Select(e => e.Sequence).ToHashSet();
            history = [];
            foreach (var part in EventCustomerRows.Parts(db, customerId))
            {
                history.AddRange((await part.AsNoTracking().Where(e => e.Sequence <= cursor).ToListAsync(cancellationToken)).Where(e => !folding.Contains(e.Sequence)));
            }
        }
        else
        {
            history = await db.Events.AsNoTracking().Where(e => e.CustomerId == customerId && e.Processed).ToListAsync(cancellationToken);
        }

        return [.. history.OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence)];
    }

    /// <summary>RFM and model scores, then the features and scores segments are evaluated on.</summary>
    private (CustomerFeatures Features, CustomerScores Scores, IReadOnlyList<ScoreThresholdCrossed> Crossings) Score(BatchContext context, CustomerProfile profile, ProfileState state)
    {
        var now = context.Now;
        var features = calculator.Features(profile, state.Counts, now, state.Carts);
        rfm.Score(profile, now);

        // Scores first, so that segments over Scores.* see this event's effect.
        var crossings = context.Round.Apply(profile, features, now);
        foreach (var crossing in crossings)
        {
            context.Writes.Publish(crossing, now);
        }

        return (features, FeatureCalculator.Scores(profile), crossings);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing an event batch failed; its events stay unprocessed and are folded again from the log")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex);

    /// <summary>What a batch's write committed: the cursor, and the profile flush it carried.</summary>
    private sealed record Written(long Cursor, ProfileStore.Flush? Flush);

    /// <summary>A customer of the batch once folded, scored and evaluated.</summary>
    private sealed record EvaluatedCustomer(string CustomerId, List<StoredEvent> Events, CustomerProfile Profile, ProfileState State, CustomerFeatures Features, CustomerScores Scores);

    /// <summary>What one batch reads up front and writes at the end.</summary>
    private sealed class BatchContext
    {
        public required DateTime Now { get; init; }

        /// <summary>Profiles live in the <see cref="ProfileStore"/> and are written by its flushes.</summary>
        public required bool WriteBehind { get; init; }

        /// <summary>The committed cursor when the batch began (write-behind).</summary>
        public required long Cursor { get; init; }

        public required IReadOnlyList<CompiledSegment> Segments { get; init; }

        public required ScoringRound Round { get; init; }

        /// <summary>The triggers of published workflows: a message matching one starts a workflow that reads the profile.</summary>
        public required HashSet<(string Type, string? Key)> Triggers { get; init; }

        public required HashSet<string?> EventTriggers { get; init; }

        public Dictionary<string, CustomerProfile> Profiles { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<SegmentMembership>> Memberships { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<WorkflowInstance>> Waiting { get; } = new(StringComparer.Ordinal);

        public ProfileWrites Writes { get; } = new();

        /// <summary>Stopwatch ticks the batch's customers spent folding, scoring and evaluating segments.</summary>
        public long FoldTicks { get; set; }

        public long ScoreTicks { get; set; }

        public long SegmentTicks { get; set; }
    }
}
