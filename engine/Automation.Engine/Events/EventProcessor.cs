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
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events;

/// <summary>
/// Takes stored events in log order and, per customer, updates the profile, re-evaluates the segments, resumes
/// instances waiting for those events and starts event-triggered workflows — all in one transaction per batch,
/// with segment changes leaving through the outbox.
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
    TimeProvider clock)
{
    /// <summary>Processes one batch; returns how many events it took.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
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

        var now = clock.GetUtcNow().UtcDateTime;
        var rebuild = await IdentityLinker.LinkAsync(db, batch, now, cancellationToken);
        var compiled = await segments.CurrentAsync(cancellationToken);
        var round = await scoring.PrepareAsync(db, cancellationToken);
        var customerIds = batch.Select(e => e.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var eventTriggers = (await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.Status == WorkflowVersionStatus.Published && v.TriggerType == TriggerTypes.Event)
            .Select(v => v.TriggerKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var waiting = new Dictionary<string, List<WorkflowInstance>>(StringComparer.Ordinal);
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        var memberships = new Dictionary<string, List<SegmentMembership>>(StringComparer.Ordinal);
        foreach (var chunk in customerIds.Chunk(500))
        {
            foreach (var p in await db.Profiles.Where(p => chunk.Contains(p.CustomerId)).ToListAsync(cancellationToken))
            {
                profiles[p.CustomerId] = p;
            }

            foreach (var m in await db.SegmentMemberships.Where(m => chunk.Contains(m.CustomerId)).ToListAsync(cancellationToken))
            {
                (memberships.TryGetValue(m.CustomerId, out var list) ? list : memberships[m.CustomerId] = []).Add(m);
            }

            var waits = await db.WorkflowInstances
                .Where(i => chunk.Contains(i.CustomerId) && i.Status == WorkflowInstanceStatus.Waiting && i.WaitingForEvent != null)
                .ToListAsync(cancellationToken);
            foreach (var instance in waits)
            {
                (waiting.TryGetValue(instance.CustomerId, out var list) ? list : waiting[instance.CustomerId] = []).Add(instance);
            }
        }

        foreach (var events in batch.GroupBy(e => e.CustomerId, StringComparer.Ordinal))
        {
            await ProcessCustomerAsync(db, events.Key, [.. events], round, rebuild.Contains(events.Key), profiles, memberships.GetValueOrDefault(events.Key) ?? [], waiting.GetValueOrDefault(events.Key) ?? [], eventTriggers, compiled, now, cancellationToken);
        }

        if (db.IsPostgres)
        {
            foreach (var chunk in batch.Select(e => e.Sequence).Chunk(1000))
            {
                await db.Events.Where(e => chunk.Contains(e.Sequence)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Processed, true), cancellationToken);
            }
        }
        else
        {
            // SQLite has one writer, so no event below the batch's last sequence can still appear: one range update.
            var last = batch[^1].Sequence;
            await db.Events.Where(e => !e.Processed && e.Sequence <= last).ExecuteUpdateAsync(u => u.SetProperty(e => e.Processed, true), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return batch.Count;
    }

    private async Task ProcessCustomerAsync(
        AutomationDbContext db, string customerId, List<StoredEvent> events, ScoringRound round, bool rebuild, Dictionary<string, CustomerProfile> profiles,
        List<SegmentMembership> current, List<WorkflowInstance> waiting, HashSet<string?> eventTriggers, IReadOnlyList<CompiledSegment> compiled, DateTime now, CancellationToken cancellationToken)
    {
        if (!profiles.TryGetValue(customerId, out var profile))
        {
            profile = ProfileUpdater.NewProfile(customerId, events.Min(e => e.Timestamp));
            profiles[customerId] = profile;
            db.Profiles.Add(profile);
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

        state.Write(profile, now);
        profile.UpdatedAt = now;

        var features = calculator.Features(profile, state.Counts, now);
        rfm.Score(profile, now);

        // Scores first, so that segments over Scores.* see this event's effect.
        foreach (var crossing in round.Apply(profile, features, now))
        {
            OutboxWriter.Publish(db, crossing, now);
        }

        var scores = FeatureCalculator.Scores(profile);
        MembershipWriter.Apply(db, compiled, features, scores, current, now);

        var types = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        foreach (var instance in waiting.Where(i => i.Status == WorkflowInstanceStatus.Waiting && types.Contains(i.WaitingForEvent!)))
        {
            await resumer.ResumeAsync(db, instance, "event", $"{instance.WaitingForEvent} happened", now, cancellationToken);
        }

        foreach (var type in types.Where(eventTriggers.Contains))
        {
            await starter.StartOnEventsAsync(db, type, events, customerId, profile, features, scores, now, cancellationToken);
        }
    }
}
