using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events.Retention;

/// <summary>
/// Deletes raw events received longer ago than Automation:Retention:EventDays, once processed, oldest first and a chunk
/// per transaction, so that appends and processing go on between chunks. Profiles, memberships, workflow journals and
/// the audit log stay: they already hold what the events taught. Arrival time, not event time, decides, so that an
/// imported history is kept for the retention period after its import.
/// </summary>
public sealed class EventRetention(IDbContextFactory<AutomationDbContext> databases, IEventLog log, IOptions<AutomationOptions> options, TimeProvider clock)
{
    /// <summary>Compacts until nothing past retention is left; returns how many events were deleted.</summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Retention;
        if (settings.EventDays <= 0)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.EventDays);
        long deleted = 0;
        while (true)
        {
            var chunk = await CompactChunkAsync(cutoff, Math.Max(1, settings.BatchSize), cancellationToken);
            if (chunk == 0)
            {
                return deleted;
            }

            deleted += chunk;
        }
    }

    /// <summary>
    /// One transaction over the next <paramref name="size"/> sequences of the log: the events among them past retention
    /// and processed (and, embedded, in the stored profiles too, since a restart folds again what lies above that).
    /// </summary>
    private async Task<int> CompactChunkAsync(DateTime cutoff, int size, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var from = await db.Events.OrderBy(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (from is not { } first)
        {
            return 0;
        }

        return await log.DeleteProcessedAsync(db, first, first + size - 1, cutoff, cancellationToken);
    }
}
