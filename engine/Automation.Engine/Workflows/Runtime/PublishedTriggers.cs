using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// The triggers (type and key) of the published versions of enabled workflows, so that a segment or score message
/// no workflow listens to is dropped without a query. Every such message used to ask the database (a context and a
/// join each): a fifth of the host's CPU under a steady HTTP ingest with no workflow published. Publishing or
/// enabling in this process reloads at once; another process's change shows within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class PublishedTriggers(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim gate = new(1, 1);
    private HashSet<(string Type, string? Key)> triggers = [];
    private long loadedAt = long.MinValue;
    private int version;

    /// <summary>True when a published version of an enabled workflow starts on this trigger.</summary>
    public async ValueTask<bool> ListensAsync(string type, string? key, CancellationToken cancellationToken)
    {
        if (Stale(Volatile.Read(ref loadedAt)))
        {
            await LoadAsync(cancellationToken);
        }

        return Volatile.Read(ref triggers).Contains((type, key));
    }

    /// <summary>A workflow was published, enabled or disabled: the next question reads the database again.</summary>
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

            // A change committed while this read runs invalidates again, so that it is not lost behind an older answer.
            var reading = Volatile.Read(ref version);
            var started = clock.GetUtcNow().UtcTicks;
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await (
                from v in db.WorkflowVersions.AsNoTracking()
                join w in db.Workflows.AsNoTracking() on v.WorkflowId equals w.Id
                where v.Status == WorkflowVersionStatus.Published && w.Enabled
                select new { v.TriggerType, v.TriggerKey }).Distinct().ToListAsync(cancellationToken);
            Volatile.Write(ref triggers, rows.Select(r => (Type: r.TriggerType, Key: (string?)r.TriggerKey)).ToHashSet());
            Volatile.Write(ref loadedAt, reading == Volatile.Read(ref version) ? started : long.MinValue);
        }
        finally
        {
            gate.Release();
        }
    }
}
