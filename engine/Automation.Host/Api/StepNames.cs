using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>The names marketers gave to steps (their display names), so approvers read "Gift card", not "gift".</summary>
public static class StepNames
{
    /// <summary>Step names by workflow, version and step id, for the versions asked for; steps without a name are left out.</summary>
    public static async Task<IReadOnlyDictionary<(string WorkflowId, int Version, string ActivityId), string>> LoadAsync(
        AutomationDbContext db, IEnumerable<(string WorkflowId, int Version)> versions, CancellationToken ct)
    {
        var wanted = versions.Distinct().ToList();
        var ids = wanted.Select(v => v.WorkflowId).Distinct().ToList();
        var numbers = wanted.Select(v => v.Version).Distinct().ToList();
        // Pairs do not translate to SQL; workflow ids and version numbers narrow it to those asked, not every version.
        var rows = await db.WorkflowVersions.AsNoTracking().Where(v => ids.Contains(v.WorkflowId) && numbers.Contains(v.Version))
            .Select(v => new { v.WorkflowId, v.Version, v.DefinitionJson }).ToListAsync(ct);
        var names = new Dictionary<(string, int, string), string>();
        foreach (var row in rows.Where(r => wanted.Contains((r.WorkflowId, r.Version))))
        {
            foreach (var activity in WorkflowJson.Parse(row.DefinitionJson).Activities.Where(a => !string.IsNullOrWhiteSpace(a.DisplayName)))
            {
                names[(row.WorkflowId, row.Version, activity.Id)] = activity.DisplayName!;
            }
        }

        return names;
    }
}
