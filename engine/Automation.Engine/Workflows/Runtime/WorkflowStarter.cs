using Automation.Engine.Telemetry;
using System.Text.Json;
using Automation.Engine.Expressions;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>Starts an instance of every enabled, published workflow whose trigger matches, within its re-entry policy.</summary>
public sealed class WorkflowStarter(DefinitionCache definitions, WorkflowRunner runner, ProfileExpressionCompiler expressions)
{
    private const string ActiveLoadedMemo = "active-instances-loaded";

    /// <summary>
    /// The door's entry for this type of event: the workflows it triggers start only if at least one of the customer's
    /// arriving events of that type passes their trigger's filter (no filter: any does).
    /// </summary>
    public WorkflowEntry OnEvents(string eventType, IReadOnlyList<StoredEvent> events, string customerId, CustomerProfile? profile, CustomerFeatures features, CustomerScores scores, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(events);
        var arriving = events.Where(e => e.Type == eventType).Select(e => new TriggerEvent(e.Type, e.Value, e.PropertiesJson)).ToList();
        return new WorkflowEntry(TriggerTypes.Event, eventType, new TriggerInfo(TriggerTypes.Event, null, [], eventType), customerId, profile, nowUtc)
        {
            Matches = Passes,
            Features = features,
            Scores = scores,
        };

        bool Passes(TriggerDefinition trigger) =>
            string.IsNullOrWhiteSpace(trigger.Filter)
            || (expressions.TryCompileEventFilter(trigger.Filter, out var filter, out _) && arriving.Any(e => filter!.Evaluate(features, scores, e)));
    }

    /// <summary>Starts the matching published workflows the decision admits; callers come through <see cref="WorkflowDoor"/>.</summary>
    public async Task<IReadOnlyList<WorkflowInstance>> StartAsync(
        AutomationDbContext db, string triggerType, string? triggerKey, TriggerInfo trigger, string customerId, CustomerProfile? profile, DateTime nowUtc, CancellationToken cancellationToken,
        Func<TriggerDefinition, bool>? matches = null, CrossingDecision? decided = null, string? onlyWorkflowId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await VersionsAsync(db, triggerType, triggerKey, cancellationToken);
        var started = new List<WorkflowInstance>();
        foreach (var version in versions)
        {
            var definition = await definitions.GetAsync(db, version.WorkflowId, version.Version, cancellationToken);
            if (definition is null || (onlyWorkflowId is not null && version.WorkflowId != onlyWorkflowId) || (decided is not null && !decided.Admits(version.WorkflowId)) || (matches is not null && (definition.Trigger is null || !matches(definition.Trigger))) || !await MayEnterAsync(db, definition, customerId, nowUtc, cancellationToken))
            {
                continue;
            }

            var instance = new WorkflowInstance
            {
                Id = Guid.CreateVersion7(),
                WorkflowId = version.WorkflowId,
                Version = version.Version,
                CustomerId = customerId,
                ActiveKey = ActiveKey(version.WorkflowId, customerId),
                TriggerJson = JsonSerializer.Serialize(trigger, MessageTypes.Json),
                StartedAt = nowUtc,
                Status = WorkflowInstanceStatus.Running,
            };
            db.WorkflowInstances.Add(instance);
            db.Pending.Add(instance.ActiveKey, instance);
            WorkflowEntries.Entered(db, instance);
            db.Journal(new WorkflowStep { InstanceId = instance.Id, ActivityId = "trigger", ActivityType = "trigger", At = nowUtc, Port = "done", Summary = decided is { Explanations.Count: > 0 } ? $"{Describe(trigger)}; {decided.Summary}" : Describe(trigger) });
            using (var span = EngineTelemetry.Start("workflow start"))
            {
                span?.SetTag("automation.workflow_id", version.WorkflowId).SetTag("automation.instance_id", instance.Id).SetTag("automation.customer_id", customerId);
                EngineTelemetry.WorkflowsStarted.Add(1, new KeyValuePair<string, object?>("workflow", version.WorkflowId));
                await runner.RunFromStartAsync(db, definition, instance, profile, nowUtc, cancellationToken);
            }

            started.Add(instance);
        }

        return started;
    }

    /// <summary>
    /// The published versions of enabled workflows with this trigger. Asked once per unit of work: a batch that starts a
    /// thousand instances of one trigger reads its versions once, and a consumer that finds none needs no transaction.
    /// </summary>
    public static async Task<IReadOnlyList<(string WorkflowId, int Version)>> VersionsAsync(AutomationDbContext db, string triggerType, string? triggerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var memo = $"versions:{triggerType}:{triggerKey}";
        if (db.Memo.GetValueOrDefault(memo) is not List<(string WorkflowId, int Version)> versions)
        {
            versions = (await (
                from v in db.WorkflowVersions.AsNoTracking()
                join w in db.Workflows.AsNoTracking() on v.WorkflowId equals w.Id
                where v.Status == WorkflowVersionStatus.Published && w.Enabled && v.TriggerType == triggerType && v.TriggerKey == triggerKey
                select new { v.WorkflowId, v.Version }).ToListAsync(cancellationToken)).Select(v => (v.WorkflowId, v.Version)).ToList();
            db.Memo[memo] = versions;
        }

        return versions;
    }

    public static string ActiveKey(string workflowId, string customerId) => $"{workflowId}|{customerId}";

    /// <summary>
    /// Hands the starter the active instances found under these active keys, loaded (tracked) with a batch: a start
    /// under one of these keys then needs no query to know whether the customer is already in.
    /// </summary>
    public static void HoldActiveInstances(AutomationDbContext db, IEnumerable<string> activeKeys, IEnumerable<WorkflowInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instances);
        foreach (var instance in instances)
        {
            if (instance.ActiveKey is { } key)
            {
                db.Pending.Add(key, instance);
            }
        }

        if (db.Memo.GetValueOrDefault(ActiveLoadedMemo) is not HashSet<string> keys)
        {
            db.Memo[ActiveLoadedMemo] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.UnionWith(activeKeys);
    }

    private static async Task<bool> MayEnterAsync(AutomationDbContext db, WorkflowDefinition definition, string customerId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var activeKey = ActiveKey(definition.Id, customerId);
        if (db.Pending.Find<WorkflowInstance>(activeKey) is { } held && held.ActiveKey == activeKey)
        {
            return false;
        }

        // A batch that loaded the active instances under this key already holds the answer; others ask the database.
        var loaded = db.Memo.GetValueOrDefault(ActiveLoadedMemo) is HashSet<string> keys && keys.Contains(activeKey);
        if (!loaded && await db.WorkflowInstances.AnyAsync(i => i.ActiveKey == activeKey, cancellationToken))
        {
            return false;
        }

        if (definition.Reentry.Policy == ReentryPolicies.Always)
        {
            return true;
        }

        var last = WorkflowEntries.TryLastEntered(db, definition.Id, customerId, out var known)
            ? known
            : await WorkflowEntries.Of(db.WorkflowInstances).Where(i => i.WorkflowId == definition.Id && i.CustomerId == customerId)
                .MaxAsync(i => (DateTime?)i.StartedAt, cancellationToken);
        return definition.Reentry.Policy == ReentryPolicies.OncePer
            ? last is null || last < nowUtc.AddDays(-(definition.Reentry.Days ?? 30))
            : last is null;
    }

    private static string Describe(TriggerInfo trigger) => trigger switch
    {
        { Segment: { } segment } => $"{trigger.Type} {segment}: {string.Join("; ", trigger.Reasons.Select(r => r.Text))}",
        { Event: { } e } => $"{trigger.Type} {e}",
        { Reasons.Count: > 0 } => $"{trigger.Type}: {string.Join("; ", trigger.Reasons.Select(r => r.Text))}",
        _ => trigger.Type,
    };
}
