using Automation.Engine.Audit;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Versions;

/// <summary>
/// Moves waiting instances of older versions onto a new version. An instance keeps what it waits for (its bookmark, its
/// timer, its action in flight) and only its version and current step change: nothing it already did runs again and no
/// action is sent twice (Elsa's own migration re-runs completed activities; this one does not). Forked instances and
/// their branches stay on their version.
/// </summary>
public sealed class InstanceMigration(DefinitionCache definitions)
{
    public async Task<MigrationReport?> RunAsync(AutomationDbContext db, string workflowId, MigrationRequest request, bool apply, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == workflowId, cancellationToken);
        if (workflow is null || (request.ToVersion ?? workflow.PublishedVersion) is not { } toVersion || await definitions.GetAsync(db, workflowId, toVersion, cancellationToken) is not { } target)
        {
            return null;
        }

        var waiting = await db.WorkflowInstances
            .Where(i => i.WorkflowId == workflowId && i.Version != toVersion && i.Status == WorkflowInstanceStatus.Waiting && i.ParentInstanceId == null)
            .ToListAsync(cancellationToken);
        var lines = new List<MigrationLine>();
        foreach (var group in waiting.GroupBy(i => (i.Version, Step: i.CurrentActivityId ?? "")).OrderBy(g => g.Key.Version).ThenBy(g => g.Key.Step, StringComparer.Ordinal))
        {
            var source = await definitions.GetAsync(db, workflowId, group.Key.Version, cancellationToken);
            var (toStep, reason) = Destination(source, target, group.Key.Step, request);
            lines.Add(new MigrationLine(group.Key.Version, group.Key.Step, group.Count(), toStep, reason));
            if (apply && toStep is not null)
            {
                foreach (var instance in group)
                {
                    Move(db, instance, toVersion, toStep, nowUtc);
                }
            }
        }

        var report = new MigrationReport(workflowId, toVersion, lines, apply);
        if (apply)
        {
            AuditLog.Write(db, actor, "workflow.migrated", $"workflow/{workflowId}", $"{report.Moved} waiting instances moved to v{toVersion}, {report.Staying} stayed: "
                + string.Join("; ", lines.Select(l => $"v{l.FromVersion} {l.FromStep} ×{l.Instances} → {l.ToStep ?? "stays"}")), nowUtc);
        }

        return report;
    }

    private static (string? ToStep, string Reason) Destination(WorkflowDefinition? source, WorkflowDefinition target, string step, MigrationRequest request)
    {
        if (request.Steps is { } only && !only.Contains(step))
        {
            return (null, "not among the steps chosen to migrate");
        }

        var from = source?.Activities.FirstOrDefault(a => a.Id == step);
        if (from is null)
        {
            return (null, $"its version has no step '{step}'");
        }

        if (from.Type == Fork.TypeName)
        {
            return (null, "it waits at a fork for its branches, which stay on their version");
        }

        var mapped = request.Mapping.TryGetValue(step, out var chosen);
        var toId = mapped ? chosen! : step;
        var to = target.Activities.FirstOrDefault(a => a.Id == toId);
        if (to is null)
        {
            return (null, mapped ? $"the new version has no step '{toId}'" : $"step '{step}' is gone from the new version: choose where its instances go");
        }

        // The instance keeps its bookmark, so it may only land on a step that waits the same way.
        return to.Type == from.Type
            ? (to.Id, mapped ? "mapped by the marketer" : "same step id")
            : (null, $"'{to.Id}' is a {to.Type} step, but the instance waits at a {from.Type} step");
    }

    private static void Move(AutomationDbContext db, WorkflowInstance instance, int toVersion, string toStep, DateTime nowUtc)
    {
        var from = $"v{instance.Version} {instance.CurrentActivityId}";
        if (instance.Bookmark == ExternalTask.BookmarkOf(instance.CurrentActivityId ?? ""))
        {
            instance.Bookmark = ExternalTask.BookmarkOf(toStep);
        }

        instance.Version = toVersion;
        instance.CurrentActivityId = toStep;
        instance.Revision++;
        db.Journal(new WorkflowStep { InstanceId = instance.Id, ActivityId = toStep, ActivityType = "migration", At = nowUtc, Summary = $"moved from {from} to v{toVersion} {toStep}" });
    }
}
