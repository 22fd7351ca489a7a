using Automation.Engine.Processing.Quarantine;
using Automation.Engine.Telemetry;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Goals;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing;

/// <summary>
/// The batch's workflow step, inside its write transaction: instances waiting for an event one of its customers sent
/// move on, and workflows triggered by such an event start (through <see cref="WorkflowDoor"/>, as every trigger does).
/// </summary>
public sealed class WorkflowStage(InstanceResumer resumer, WorkflowStarter starter, WorkflowDoor door, GoalCheck goals, IngestTraces? traces = null)
{
    // Ids per IN-list query: one round trip for most batches, well under every provider's parameter limit.
    private const int LookupChunk = 5000;

    public async Task RunAsync(AutomationDbContext db, BatchContext context, List<EvaluatedCustomer> evaluated, CancellationToken cancellationToken)
    {
        await LoadInstancesAsync(db, context, evaluated, cancellationToken);
        context.InGoalWorkflows = await goals.LoadAsync(db, evaluated.Select(c => (c.CustomerId, (IReadOnlySet<string>)EventTypesOf([c]))), cancellationToken);
        foreach (var customer in evaluated)
        {
            var ingested = traces?.Claim(customer.CustomerId) ?? default;
            if (ingested == default)
            {
                ingested = AcceptedUnder(customer.Events);
            }

            // Nothing waits for this customer's events and no workflow starts on one: the common case under load.
            if (context.EventTriggers.Count > 0 || context.Waiting.ContainsKey(customer.CustomerId) || context.InGoalWorkflows.ContainsKey(customer.CustomerId))
            {
                // The customer's workflows continue the trace their events arrived in; the action's command carries it on.
                using var span = ingested == default ? null : EngineTelemetry.Start("workflows", ingested);
                span?.SetTag("automation.customer_id", customer.CustomerId);
                try
                {
                    await MoveAsync(db, context, customer, cancellationToken);
                }
                catch (Exception ex) when (CustomerFailedException.IsCustomerSpecific(ex))
                {
                    throw new CustomerFailedException(customer.CustomerId, "workflows", customer.Events, ex);
                }
            }
        }
    }

    /// <summary>
    /// The instances this batch may move, tracked: those of its customers waiting for an event type the customer's batch
    /// holds, and the active instances of event-triggered workflows for the customers whose events may start one, so that
    /// the starter knows who is already in without a query per start. Every other active instance stays untracked:
    /// loading them all (tens of thousands per batch under a steady ingest) made this the batch's costliest part.
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

        // Which of the batch's event types some instance waits for: one index probe per type (a handful). A DISTINCT over
        // every waiting instance grew with their number (a sequential scan of 300k rows on PostgreSQL, 78–118 ms a batch).
        var waitedFor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in EventTypesOf(evaluated))
        {
            if (await db.WorkflowInstances.AnyAsync(i => i.WaitingForEvent == type, cancellationToken))
            {
                waitedFor.Add(type);
            }
        }

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

    /// <summary>The trace the customer's latest traced event was accepted in, by whichever engine process took it.</summary>
    private static System.Diagnostics.ActivityContext AcceptedUnder(List<StoredEvent> events)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].TraceParent is { } traceParent && System.Diagnostics.ActivityContext.TryParse(traceParent, null, out var context))
            {
                return context;
            }
        }

        return default;
    }

    private static HashSet<string> EventTypesOf(List<EvaluatedCustomer> evaluated)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var customer in evaluated)
        {
            foreach (var e in customer.Events)
            {
                types.Add(e.Type);
            }
        }

        return types;
    }

    /// <summary>
    /// Takes out the customer's instances whose goal these events reached (before anything else: a converted customer
    /// neither resumes nor starts again on the same events), resumes the instances waiting for them and starts the
    /// workflows they trigger.
    /// </summary>
    private async Task MoveAsync(AutomationDbContext db, BatchContext context, EvaluatedCustomer customer, CancellationToken cancellationToken)
    {
        var (customerId, events, profile, state, features, scores) = customer;
        var now = context.Now;
        if (context.InGoalWorkflows.TryGetValue(customerId, out var inGoalWorkflows))
        {
            await goals.ReachAsync(db, inGoalWorkflows, EventTypesOf([customer]), features, scores, now, cancellationToken);
        }

        var types = events.Select(e => e.Type).Distinct(StringComparer.Ordinal).ToList();
        var waiting = (context.Waiting.GetValueOrDefault(customerId) ?? []).Where(i => i.Status == WorkflowInstanceStatus.Waiting && types.Contains(i.WaitingForEvent!)).ToList();
        var triggers = types.Where(context.EventTriggers.Contains).ToList();
        if (waiting.Count > 0 || triggers.Count > 0)
        {
            // Workflow conditions read the profile's stored columns, which a home holding profiles in memory leaves stale.
            state.Serialize(profile);
        }

        foreach (var instance in waiting)
        {
            await resumer.ResumeAsync(db, instance, "event", $"{instance.WaitingForEvent} happened", now, cancellationToken, profile);
        }

        foreach (var type in triggers)
        {
            await door.EnterAsync(db, starter.OnEvents(type, events, customerId, profile, features, scores, now), cancellationToken);
        }
    }
}
