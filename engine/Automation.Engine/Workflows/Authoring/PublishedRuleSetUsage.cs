using Automation.Engine.Rules;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Authoring;

/// <summary>Published workflows' rule-set branches: a rule set's change must not strand a connection leaving by a rule it removes.</summary>
public sealed class PublishedRuleSetUsage : IRuleSetUsage
{
    public async Task<List<string>> StrandedPortsAsync(AutomationDbContext db, string key, IReadOnlyList<string> ports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.Status == WorkflowVersionStatus.Published && v.DefinitionJson.Contains(key))
            .ToListAsync(cancellationToken);
        var stranded = new List<string>();
        foreach (var version in published)
        {
            var definition = WorkflowJson.Parse(version.DefinitionJson);
            var nodes = definition.Activities
                .Where(a => a.Type == "ruleSet" && a.Settings.TryGetValue("ruleSet", out var k) && k.ValueKind == System.Text.Json.JsonValueKind.String && k.GetString() == key)
                .Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            stranded.AddRange(definition.Connections
                .Where(c => nodes.Contains(c.From) && !ports.Contains(c.Port, StringComparer.Ordinal))
                .Select(c => $"{version.WorkflowId} v{version.Version} node '{c.From}': port '{c.Port}'"));
        }

        return stranded;
    }
}
