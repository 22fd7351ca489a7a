using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// When each of a batch's customers last entered each workflow, read in one grouped query per few thousand customers
/// and kept on the unit of work: a re-entry rule (once, once per N days) is then answered from memory instead of by a
/// query per start (under the HTTP ingest benchmark, whose cart adds start cart-recovery, that query per start was a
/// sixteenth of the host's CPU).
/// </summary>
public sealed class WorkflowEntries
{
    private const string MemoKey = "workflow-entries";
    private readonly HashSet<string> customers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string WorkflowId, string CustomerId), DateTime> lastEntered = [];

    /// <summary>Reads the entries of these customers into the unit of work (adding to what it already holds).</summary>
    public static async Task LoadAsync(AutomationDbContext db, string[] customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customerIds);
        var entries = Of(db) ?? new WorkflowEntries();
        db.Memo[MemoKey] = entries;

        var rows = await Of(db.WorkflowInstances.AsNoTracking())
            .Where(i => EF.Parameter(customerIds).Contains(i.CustomerId))
            .GroupBy(i => new { i.WorkflowId, i.CustomerId })
            .Select(g => new { g.Key.WorkflowId, g.Key.CustomerId, Last = g.Max(i => i.StartedAt) })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            entries.lastEntered[(row.WorkflowId, row.CustomerId)] = row.Last;
        }

        entries.customers.UnionWith(customerIds);
    }

    /// <summary>The instances that are entries: a fork's branches start later than their instance and are not entries of their own.</summary>
    public static IQueryable<WorkflowInstance> Of(IQueryable<WorkflowInstance> instances) => instances.Where(i => i.ParentInstanceId == null);

    /// <summary>When the customer last entered the workflow, if this unit of work knows their entries; null otherwise.</summary>
    public static bool TryLastEntered(AutomationDbContext db, string workflowId, string customerId, out DateTime? lastEntered)
    {
        lastEntered = null;
        if (Of(db) is not { } entries || !entries.customers.Contains(customerId))
        {
            return false;
        }

        lastEntered = entries.lastEntered.TryGetValue((workflowId, customerId), out var at) ? at : null;
        return true;
    }

    /// <summary>An instance started in this unit of work counts at once, before it is saved.</summary>
    public static void Entered(AutomationDbContext db, WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (Of(db) is { } entries && entries.customers.Contains(instance.CustomerId))
        {
            entries.lastEntered[(instance.WorkflowId, instance.CustomerId)] = instance.StartedAt;
        }
    }

    private static WorkflowEntries? Of(AutomationDbContext db) => db.Memo.GetValueOrDefault(MemoKey) as WorkflowEntries;
}
