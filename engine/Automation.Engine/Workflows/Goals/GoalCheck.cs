using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Goals;

/// <summary>
/// Takes customers who reached their workflow's goal out of it: the instance ends as converted (whatever step it waited
/// at, its fork's branches with it), and the journal says which goal was reached. Writes in the caller's unit of work.
/// </summary>
public sealed class GoalCheck(GoalWorkflows goalWorkflows, DefinitionCache definitions, ProfileExpressionCompiler expressions)
{
    public const string JournalActivity = "goal";

    // Active keys per IN-list query, well under every provider's parameter limit.
    private const int LookupChunk = 5000;

    /// <summary>The active instances of goal workflows for these customers (tracked), by customer; empty when no workflow has a goal.</summary>
    public async Task<Dictionary<string, List<WorkflowInstance>>> LoadAsync(AutomationDbContext db, IEnumerable<(string CustomerId, IReadOnlySet<string> EventTypes)> customers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customers);
        var found = new Dictionary<string, List<WorkflowInstance>>(StringComparer.Ordinal);
        var goals = await goalWorkflows.CurrentAsync(cancellationToken);
        if (goals.Count == 0)
        {
            return found;
        }

        var batch = customers.ToList();
        var keys = new List<string>();
        foreach (var (workflowId, versions) in goals)
        {
            var anyExpression = versions.Values.Any(g => !string.IsNullOrWhiteSpace(g.Expression));
            var events = versions.Values.Select(g => g.Event).OfType<string>().ToHashSet(StringComparer.Ordinal);
            keys.AddRange(batch.Where(c => anyExpression || c.EventTypes.Overlaps(events)).Select(c => WorkflowStarter.ActiveKey(workflowId, c.CustomerId)));
        }

        foreach (var chunk in keys.Chunk(LookupChunk))
        {
            foreach (var instance in await db.WorkflowInstances.Where(i => EF.Parameter(chunk).Contains(i.ActiveKey)).ToListAsync(cancellationToken))
            {
                (found.TryGetValue(instance.CustomerId, out var list) ? list : found[instance.CustomerId] = []).Add(instance);
            }
        }

        return found;
    }

    /// <summary>Ends each of the instances whose goal the customer reached with these events; true when one did.</summary>
    public async Task<bool> ReachAsync(AutomationDbContext db, IEnumerable<WorkflowInstance> instances, IReadOnlySet<string> eventTypes, CustomerFeatures features, CustomerScores scores, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instances);
        var goals = await goalWorkflows.CurrentAsync(cancellationToken);
        var reached = false;
        foreach (var instance in instances)
        {
            if (instance.ActiveKey is null || !goals.TryGetValue(instance.WorkflowId, out var versions) || !versions.TryGetValue(instance.Version, out var goal))
            {
                continue;
            }

            var how = await ReachedAsync(db, goal, instance, eventTypes, features, scores, cancellationToken);
            if (how is null)
            {
                continue;
            }

            await ConvertAsync(db, instance, $"goal {goal.Describe()} reached: {how}", nowUtc, cancellationToken);
            reached = true;
        }

        return reached;
    }

    private async Task<string?> ReachedAsync(AutomationDbContext db, GoalDefinition goal, WorkflowInstance instance, IReadOnlySet<string> eventTypes, CustomerFeatures features, CustomerScores scores, CancellationToken cancellationToken)
    {
        if (goal.Event is { Length: > 0 } type && eventTypes.Contains(type))
        {
            return $"{type} happened";
        }

        if (goal.Expression is { Length: > 0 } text)
        {
            var definition = await definitions.GetAsync(db, instance.WorkflowId, instance.Version, cancellationToken) ?? new WorkflowDefinition();
            var variables = WorkflowVariableValues.Load(definition, instance.VariablesJson);
            if (expressions.CompileStep(text, condition: true).Holds(features, scores, variables))
            {
                return $"{text} is true";
            }
        }

        return null;
    }

    private static async Task ConvertAsync(AutomationDbContext db, WorkflowInstance instance, string summary, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.Journal(new WorkflowStep { InstanceId = instance.Id, ActivityId = JournalActivity, ActivityType = JournalActivity, At = nowUtc, Summary = $"{summary} (left the workflow at {instance.CurrentActivityId})" });
        WorkflowRunner.Finish(instance, WorkflowInstanceStatus.Converted, nowUtc);
        instance.Revision++;

        // A forked instance's branches end with it: none of them may send anything once the customer converted.
        var branches = await db.WorkflowInstances
            .Where(i => i.ParentInstanceId == instance.Id && (i.Status == WorkflowInstanceStatus.Waiting || i.Status == WorkflowInstanceStatus.Running))
            .ToListAsync(cancellationToken);
        foreach (var branch in branches)
        {
            db.Journal(new WorkflowStep { InstanceId = branch.Id, ActivityId = JournalActivity, ActivityType = JournalActivity, At = nowUtc, Summary = "cancelled: the customer reached the workflow's goal" });
            WorkflowRunner.Finish(branch, WorkflowInstanceStatus.Cancelled, nowUtc);
            branch.Revision++;
        }
    }
}
