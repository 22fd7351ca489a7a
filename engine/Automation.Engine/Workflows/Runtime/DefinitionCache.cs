using System.Collections.Concurrent;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>Parsed definitions by workflow and version; a stored version never changes once an instance runs on it.</summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> definitions = new();

    public async Task<WorkflowDefinition?> GetAsync(AutomationDbContext db, string workflowId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (definitions.TryGetValue((workflowId, version), out var cached))
        {
            return cached;
        }

        var json = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == workflowId && v.Version == version)
            .Select(v => v.DefinitionJson)
            .FirstOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return null;
        }

        var definition = WorkflowJson.Parse(json);
        return definitions.GetOrAdd((workflowId, version), definition);
    }

    /// <summary>Drafts are rewritten in place; forget them when saved.</summary>
    public void Forget(string workflowId, int version) => definitions.TryRemove((workflowId, version), out _);
}
