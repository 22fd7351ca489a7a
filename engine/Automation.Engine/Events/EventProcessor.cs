using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
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
    SegmentCatalog segments,
    InstanceResumer resumer,
    WorkflowStarter starter,
    OutboxSignal outbox,
    IOptions<AutomationOptions> options,
    TimeProvider clock)
{
    /// <summary>Processes one batch; returns how many events it took.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            // One processor at a time keeps each customer's events in order across engine processes.
            var locked = await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock(7301) AS \"Value\"").SingleAsync(cancellationToken);
            if (!locked)
            {
                return 0;
            }
        }

        var batch = await db.Events.Where(e => !e.Processed).OrderBy(e => e.Sequence).Take(options.Value.Processing.BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var compiled = await segments.CurrentAsync(cancellationToken);
        var customerIds = batch.Select(e => e.CustomerId).Distinct(StringComparer.Ordinal).ToList();
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
        }

        foreach (var events in batch.GroupBy(e => e.CustomerId, StringComparer.Ordinal))
        {
            await ProcessCustomerAsync(db, events.Key, [.. events], profiles, memberships.GetValueOrDefault(events.Key) ?? [], compiled, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return batch.Count;
    }

    private async Task ProcessCustomerAsync(
        AutomationDbContext db, string customerId, List<StoredEvent> events, Dictionary<string, CustomerProfile> profiles,
        List<SegmentMembership> current, IReadOnlyList<CompiledSegment> compiled, DateTime now, CancellationToken cancellationToken)
    {
        if (!profiles.TryGetValue(customerId, out var profile))
        {
            profile = ProfileUpdater.NewProfile(customerId, events.Min(e => e.Timestamp));
            profiles[customerId] = profile;
            db.Profiles.Add(profile);
        }

        var counts = DailyCounts.Parse(profile.DailyCountsJson);
        foreach (var e in events)
        {
            updater.Apply(profile, counts, e);
            e.Processed = true;
        }

        counts.Prune(now);
        profile.DailyCountsJson = counts.ToJson();
        profile.UpdatedAt = now;

        var features = calculator.Features(profile, counts, now);
        var scores = FeatureCalculator.Scores(profile);
        var byKey = current.ToDictionary(m => m.SegmentKey, StringComparer.Ordinal);
        var before = byKey.Values.ToList();
        foreach (var change in SegmentEvaluator.Evaluate(compiled, features, scores, byKey, now))
        {
            if (change.Entered)
            {
                db.SegmentMemberships.Add(byKey[change.Segment]);
                OutboxWriter.Publish(db, new SegmentEntered(customerId, change.Segment, change.Reasons, now), now);
            }
            else
            {
                db.SegmentMemberships.Remove(before.First(m => m.SegmentKey == change.Segment));
                OutboxWriter.Publish(db, new SegmentExited(customerId, change.Segment, "no longer meets the segment's expression", now), now);
            }
        }

        var types = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        var waiting = await db.WorkflowInstances
            .Where(i => i.CustomerId == customerId && i.Status == WorkflowInstanceStatus.Waiting && i.WaitingForEvent != null && types.Contains(i.WaitingForEvent))
            .ToListAsync(cancellationToken);
        foreach (var instance in waiting)
        {
            await resumer.ResumeAsync(db, instance, "event", $"{instance.WaitingForEvent} happened", now, cancellationToken);
        }

        foreach (var type in types)
        {
            await starter.StartAsync(db, TriggerTypes.Event, type, new TriggerInfo(TriggerTypes.Event, null, [], type), customerId, profile, now, cancellationToken);
        }
    }
}
