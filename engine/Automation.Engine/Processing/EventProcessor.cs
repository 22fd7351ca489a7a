using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Engine.Processing.Quarantine;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Engine.Telemetry;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing;

/// <summary>
/// Takes stored events in log order and, per customer, folds them into the profile, scores it and re-evaluates the
/// segments; then, in the batch's one transaction, moves the workflows waiting for those events, starts the workflows
/// they trigger and writes it all, with segment changes leaving through the outbox. Profiles and memberships of the
/// whole batch are read in a few untracked queries and written back set-based. Where profiles live and how a batch
/// is written belongs to the <see cref="IProcessingHome"/> chosen at composition.
/// </summary>
public sealed class EventProcessor(
    IProcessingHome home,
    CustomerEvaluator evaluator,
    WorkflowStage workflows,
    QuarantineStage quarantineStage,
    CustomerQuarantine quarantine,
    SegmentCatalog segments,
    ProfileScoring scoring,
    ProcessingTimings timings)
{
    // Ids per IN-list query: one round trip for most batches, well under every provider's parameter limit.
    private const int LookupChunk = 5000;

    /// <summary>
    /// Processes one batch; returns how many events it took. A customer whose events fail is set aside with the error
    /// and the batch goes again at once without them: one customer never stops everyone else's processing.
    /// </summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await quarantine.SetAsidePendingAsync(cancellationToken);
            try
            {
                return await ProcessOnceAsync(cancellationToken);
            }
            catch (CustomerFailedException failure)
            {
                quarantine.Fail(failure);
            }
        }
    }

    private async Task<int> ProcessOnceAsync(CancellationToken cancellationToken)
    {
        await using var batch = await home.OpenAsync(cancellationToken);
        if (batch is null)
        {
            return 0;
        }

        try
        {
            var held = await quarantineStage.HeldAsync(batch, cancellationToken);
            await ReplayAsync(batch, held, cancellationToken);
            if (batch.Events.Count == 0 && !held.Any(h => h.Value.Retry && batch.Holds(h.Key)))
            {
                await batch.CaughtUpAsync(cancellationToken);
                return 0;
            }

            using var span = EngineTelemetry.Start("process events");
            span?.SetTag("automation.events", batch.Events.Count);
            var t = Stopwatch.GetTimestamp();
            var (customers, links) = await batch.LinkAsync(cancellationToken);
            var plan = await quarantineStage.ApplyAsync(batch, held, customers, cancellationToken);
            t = timings.Add("identify links", t);
            var context = await PrepareAsync(batch, customers, cancellationToken);
            t = timings.Add("load profiles", t, context.Profiles.Count);
            await batch.FoldableAsync();
            t = timings.Add("wait for the write behind", t);
            var evaluated = new List<EvaluatedCustomer>(customers.Count);
            foreach (var customer in customers)
            {
                var rebuild = (links.Rebuild.Count > 0 && links.Rebuild.Contains(customer.CustomerId)) || plan.Released.Contains(customer.CustomerId);
                try
                {
                    evaluated.Add(await evaluator.EvaluateAsync(batch, context, customer, rebuild, cancellationToken));
                }
                catch (Exception ex) when (CustomerFailedException.IsCustomerSpecific(ex))
                {
                    throw new CustomerFailedException(customer.CustomerId, "fold, scores and segments", customer.Events, ex);
                }
            }

            // Summed per batch: three stage timers per customer cost a visible share of the evaluation itself.
            timings.AddTicks("  fold events", context.FoldTicks);
            timings.AddTicks("  features + scores", context.ScoreTicks);
            timings.AddTicks("  segments", context.SegmentTicks);
            timings.Add("per customer", t);
            await batch.WriteAsync(
                async (db, ct) =>
                {
                    await QuarantineStage.WriteAsync(db, plan, ct);
                    await workflows.RunAsync(db, context, evaluated, ct);
                },
                context.Writes,
                cancellationToken);
            Processed(batch);
            return batch.Events.Count;
        }
        catch
        {
            await batch.AbandonAsync();
            throw;
        }
    }

    private static void Processed(ProcessingBatch batch)
    {
        if (batch.Events.Count == 0)
        {
            return;
        }

        EngineTelemetry.EventsProcessed.Add(batch.Events.Count);
        if (EngineTelemetry.ProcessingLag.Enabled)
        {
            var oldest = batch.Events.Min(e => e.ReceivedAt);
            EngineTelemetry.ProcessingLag.Record(Math.Max(0, (batch.Now - oldest).TotalSeconds));
        }
    }

    /// <summary>Waits until the last batch's write has committed (or failed and been dropped).</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => home.DrainAsync(cancellationToken);

    /// <summary>
    /// Folds again the events whose side effects committed but whose profiles were lost with memory, without side
    /// effects — those left with their batches.
    /// </summary>
    private async Task ReplayAsync(ProcessingBatch batch, IReadOnlyDictionary<string, CustomerQuarantine.Held> held, CancellationToken cancellationToken)
    {
        if (batch.Replay.Count == 0)
        {
            return;
        }

        // A customer set aside is folded again when retried, from their whole history.
        var customers = batch.Group(batch.Replay);
        customers.RemoveAll(c => held.ContainsKey(c.CustomerId));
        var context = await PrepareAsync(batch, customers, cancellationToken, workflows: false);
        foreach (var customer in customers)
        {
            var (profile, state) = await evaluator.FoldAsync(batch, context, customer, rebuild: false, cancellationToken);
            evaluator.Score(context, profile, state);
        }
    }

    /// <summary>Everything the batch's customers need, read in a few queries: profiles the home does not hold, memberships.</summary>
    private async Task<BatchContext> PrepareAsync(ProcessingBatch batch, List<BatchCustomer> customers, CancellationToken cancellationToken, bool workflows = true)
    {
        var db = batch.Db;
        var triggers = workflows
            ? (await db.WorkflowVersions.AsNoTracking().Where(v => v.Status == WorkflowVersionStatus.Published)
                .Select(v => new { v.TriggerType, v.TriggerKey }).Distinct().ToListAsync(cancellationToken)).Select(v => (Type: v.TriggerType, Key: v.TriggerKey)).ToHashSet()
            : [];
        var context = new BatchContext
        {
            Now = batch.Now,
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
            var missing = chunk.Where(c => c.Held is null).Select(c => c.CustomerId).ToArray();
            foreach (var p in profiles && missing.Length > 0 ? await db.Profiles.AsNoTracking().Where(p => EF.Parameter(missing).Contains(p.CustomerId)).ToListAsync(cancellationToken) : [])
            {
                context.Profiles[p.CustomerId] = p;
            }

            t = timings.Add("  profiles", t, missing.Length);
            if (!workflows)
            {
                continue;
            }

            // A home holding profiles keeps each customer's memberships with the profile after the first read.
            var unknown = chunk.Where(c => c.Held?.Memberships is null).Select(c => c.CustomerId).ToArray();
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
}
