using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Goals;

/// <summary>
/// The goals of every stored workflow version that declares one, by workflow and version, so that a batch whose
/// customers are in no goal workflow asks nothing more. Publishing in this process reloads at once; another process's
/// publish shows within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class GoalWorkflows(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<string, Dictionary<int, GoalDefinition>> goals = [];
    private long loadedAt = long.MinValue;
    private int version;

    /// <summary>Goals by workflow id, then version.</summary>
    public async ValueTask<IReadOnlyDictionary<string, Dictionary<int, GoalDefinition>>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Stale(Volatile.Read(ref loadedAt)))
        {
            await LoadAsync(cancellationToken);
        }

        return Volatile.Read(ref goals);
    }

    /// <summary>A version was published: the next batch reads the goals again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        Volatile.Write(ref loadedAt, long.MinValue);
    }

    private bool Stale(long at) => at == long.MinValue || clock.GetUtcNow().UtcTicks - at >= RefreshInterval.Ticks;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!Stale(loadedAt))
            {
                return;
            }

            var reading = Volatile.Read(ref version);
            var started = clock.GetUtcNow().UtcTicks;
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

            Volatile.Write(ref goals, loaded);
            Volatile.Write(ref loadedAt, reading == Volatile.Read(ref version) ? started : long.MinValue);
        }
        finally
        {
            gate.Release();
        }
    }
}
