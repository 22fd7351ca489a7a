using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Goals;

/// <summary>
/// The goals of every stored workflow version that declares one, by workflow and version, so that a batch whose
/// customers are in no goal workflow asks nothing more. Publishing in this process reloads at once; another process's
/// publish shows within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class GoalWorkflows
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly IDbContextFactory<AutomationDbContext> databases;
    private readonly RefreshedSnapshot<Dictionary<string, Dictionary<int, GoalDefinition>>> goals;

    public GoalWorkflows(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock)
    {
        this.databases = databases;
        goals = new(clock, RefreshInterval, ReadAsync, []);
    }

    /// <summary>Goals by workflow id, then version.</summary>
    public async ValueTask<IReadOnlyDictionary<string, Dictionary<int, GoalDefinition>>> CurrentAsync(CancellationToken cancellationToken) =>
        await goals.CurrentAsync(cancellationToken);

    /// <summary>A version was published: the next batch reads the goals again.</summary>
    public void Invalidate() => goals.Invalidate();

    private async Task<Dictionary<string, Dictionary<int, GoalDefinition>>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkflowVersions.AsNoTracking().Where(v => v.DefinitionJson.Contains("\"goal\""))
            .Select(v => new { v.WorkflowId, v.Version, v.DefinitionJson }).ToListAsync(cancellationToken);
        var loaded = new Dictionary<string, Dictionary<int, GoalDefinition>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (WorkflowJson.Parse(row.DefinitionJson).Goal is { } goal)
            {
                (loaded.TryGetValue(row.WorkflowId, out var versions) ? versions : loaded[row.WorkflowId] = [])[row.Version] = goal;
            }
        }

        return loaded;
    }
}
