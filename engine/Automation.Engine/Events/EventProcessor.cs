using System.Diagnostics;
using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events;

/// <summary>
/// Takes stored events in log order and, per customer, updates the profile, re-evaluates the segments, resumes
/// instances waiting for those events and starts event-triggered workflows — all in one transaction per batch,
/// with segment changes leaving through the outbox. Profiles and memberships of the whole batch are read in a few
/// untracked queries, changed in memory and written back set-based (ProfileWrites): per-row change tracking and one
/// UPDATE per profile cost far more than the work itself.
/// </summary>
public sealed class EventProcessor(
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
    IOptions<AutomationOptions> options,
    ProcessingTimings timings,
    TimeProvider clock)
{
    // Ids per IN-list query: one round trip for most batches, well under every provider's parameter limit.
    private const int LookupChunk = 5000;

    /// <summary>Processes one batch; returns how many events it took.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            // One processor at a time keeps each customer's events in order across engine processes.
            var locked = await db.Database.SqlQueryRaw<bool>(ProfileWriteGate.TryAdvisoryLockSql).SingleAsync(cancellationToken);
            if (!locked)
            {
                return 0;
            }
        }

        // Read untracked and mark processed in one statement by sequence: tracking every event row costs more than the work.
        var batch = await db.Events.AsNoTracking().Where(e => !e.Processed).OrderBy(e => e.Sequence).Take(options.Value.Processing.BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        t = timings.Add("read batch", t, batch.Count);
        var now = clock.GetUtcNow().UtcDateTime;
        var rebuild = await IdentityLinker.LinkAsync(db, batch, now, cancellationToken);
        t = timings.Add("identify links", t);
        var context = await PrepareAsync(db, batch, now, cancellationToken);
        t = timings.Add("load profiles", t, context.Profiles.Count);
        foreach (var events in batch.GroupBy(e => e.CustomerId, StringComparer.Ordinal))
        {
            await ProcessCustomerAsync(db, context, events.Key, [.. events], rebuild.Contains(events.Key), cancellationToken);
        }

        t = timings.Add("per customer", t);
        if (db.IsPostgres)
        {
            foreach (var chunk in batch.Select(e => e.Sequence).Chunk(LookupChunk))
            {
                await db.Events.Where(e => EF.Parameter(chunk).Contains(e.Sequence)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Processed, true), cancellationToken);
            }
        }
        else
        {
            // SQLite has one writer, so no event below the batch's last sequence can still appear: one range update.
            var last = batch[^1].Sequence;
            await db.Events.Where(e => !e.Processed && e.Sequence <= last).ExecuteUpdateAsync(u => u.SetProperty(e => e.Processed, true), cancellationToken);
        }

        t = timings.Add("mark processed", t);
        await context.Writes.WriteAsync(db, cancellationToken, timings);
        t = timings.Add("write profiles", t);
        await db.SaveChangesAsync(cancellationToken);
        t = timings.Add("save workflows", t);
        await transaction.CommitAsync(cancellationToken);
        timings.Add("commit", t);
        outbox.Notify();
        return batch.Count;
    }

    /// <summary>Everything the batch's customers need, read in a few queries: profiles and memberships untracked, waiting instances tracked (they move on).</summary>
    private async Task<BatchContext> PrepareAsync(AutomationDbContext db, List<StoredEvent> batch, DateTime now, CancellationToken cancellationToken)
    {
        var context = new BatchContext
        {
            Now = now,
            Segments = await segments.CurrentAsync(cancellationToken),
            Round = await scoring.PrepareAsync(db, cancellationToken),
            EventTriggers = (await db.WorkflowVersions.AsNoTracking()
                .Where(v => v.Status == WorkflowVersionStatus.Published && v.TriggerType == TriggerTypes.Event)
                .Select(v => v.TriggerKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
        };
        var customerIds = batch.Select(e => e.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var t = Stopwatch.GetTimestamp();
        foreach (var chunk in customerIds.Chunk(LookupChunk))
        {
            foreach (var p in await db.Profiles.AsNoTracking().Where(p => EF.Parameter(chunk).Contains(p.CustomerId)).ToListAsync(cancellationToken))
            {
                context.Profiles[p.CustomerId] = p;
            }

            t = timings.Add("  profiles", t, chunk.Length);

            foreach (var m in await db.SegmentMemberships.AsNoTracking().Where(m => EF.Parameter(chunk).Contains(m.CustomerId)).ToListAsync(cancellationToken))
            {
                (context.Memberships.TryGetValue(m.CustomerId, out var list) ? list : context.Memberships[m.CustomerId] = []).Add(m);
            }

            t = timings.Add("  memberships", t);

            // Every active instance of these customers, tracked: those waiting for an event move on below, and the
            // rest tell the starter who is already in a workflow without a query per start.
            var active = await db.WorkflowInstances
                .Where(i => EF.Parameter(chunk).Contains(i.CustomerId) && (i.ActiveKey != null || (i.Status == WorkflowInstanceStatus.Waiting && i.WaitingForEvent != null)))
                .ToListAsync(cancellationToken);
            WorkflowStarter.HoldActiveInstances(db, chunk, active);
            foreach (var instance in active.Where(i => i.Status == WorkflowInstanceStatus.Waiting && i.WaitingForEvent != null))
            {
                (context.Waiting.TryGetValue(instance.CustomerId, out var list) ? list : context.Waiting[instance.CustomerId] = []).Add(instance);
            }

            t = timings.Add("  waiting instances", t);
        }

        return context;
    }

    private async Task ProcessCustomerAsync(AutomationDbContext db, BatchContext context, string customerId, List<StoredEvent> events, bool rebuild, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        var now = context.Now;
        if (!context.Profiles.TryGetValue(customerId, out var profile))
        {
            profile = ProfileUpdater.NewProfile(customerId, events.Min(e => e.Timestamp));
            context.Profiles[customerId] = profile;
        }

        var state = ProfileState.Read(profile);
        if (rebuild || updater.NeedsRefold(state, events))
        {
            // A merged history (identify), or an event older than the kept sessions, is folded again from the stored
            // events, so every aggregate ends as if all had come in order.
            var history = await db.Events.AsNoTracking().Where(e => e.CustomerId == customerId && e.Processed)
                .OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
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

        state.Write(profile, now, updater.CartWindow);
        profile.UpdatedAt = now;
        context.Writes.Profile(profile);
        t = timings.Add("  fold events", t);

        var features = calculator.Features(profile, state.Counts, now, state.Carts);
        rfm.Score(profile, now);

        // Scores first, so that segments over Scores.* see this event's effect.
        foreach (var crossing in context.Round.Apply(profile, features, now))
        {
            context.Writes.Publish(crossing, now);
        }

        var scores = FeatureCalculator.Scores(profile);
        t = timings.Add("  features + scores", t);
        MembershipWriter.Apply(context.Writes, context.Segments, features, scores, context.Memberships.GetValueOrDefault(customerId) ?? [], now);
        t = timings.Add("  segments", t);

        var types = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        foreach (var instance in (context.Waiting.GetValueOrDefault(customerId) ?? []).Where(i => i.Status == WorkflowInstanceStatus.Waiting && types.Contains(i.WaitingForEvent!)))
        {
            await resumer.ResumeAsync(db, instance, "event", $"{instance.WaitingForEvent} happened", now, cancellationToken, profile);
        }

        foreach (var type in types.Where(context.EventTriggers.Contains))
        {
            await starter.StartOnEventsAsync(db, type, events, customerId, profile, features, scores, now, cancellationToken);
        }

        timings.Add("  workflows", t);
    }

    /// <summary>What one batch reads up front and writes at the end.</summary>
    private sealed class BatchContext
    {
        public required DateTime Now { get; init; }

        public required IReadOnlyList<CompiledSegment> Segments { get; init; }

        public required ScoringRound Round { get; init; }

        public required HashSet<string?> EventTriggers { get; init; }

        public Dictionary<string, CustomerProfile> Profiles { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<SegmentMembership>> Memberships { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<WorkflowInstance>> Waiting { get; } = new(StringComparer.Ordinal);

        public ProfileWrites Writes { get; } = new();
    }
}
