using Automation.Engine.Configuration;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events.Retention;

/// <summary>
/// Deletes raw events received longer ago than Automation:Retention:EventDays, once processed, oldest first and a chunk
/// per transaction, so that appends and processing go on between chunks. Profiles, memberships, workflow journals and
/// the audit log stay: they already hold what the events taught. Arrival time, not event time, decides, so that an
/// imported history is kept for the retention period after its import.
/// </summary>
public sealed class EventRetention(IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, TimeProvider clock)
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

        var to = first + size - 1;
        if (!db.IsPostgres)
        {
            var processed = await CheckpointAsync(db, ProcessingCheckpoint.Events, cancellationToken);
            var profiled = await CheckpointAsync(db, ProcessingCheckpoint.Profiles, cancellationToken);
            to = Math.Min(to, Math.Min(processed, profiled));
        }

        var old = db.Events.Where(e => e.Sequence >= first && e.Sequence <= to && e.ReceivedAt < cutoff && (!db.IsPostgres || e.Processed));

        // Nothing due, the usual answer: no transaction, so the file's one writer is not taken for nothing.
        if (to < first || !await old.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            // Their filing under the customer (the embedded timeline's index) goes with them, found by its key.
            await db.Database.ExecuteSqlAsync(
                $"""
                DELETE FROM event_customers WHERE ("CustomerId","Timestamp","Sequence") IN
                (SELECT "CustomerId","Timestamp","Sequence" FROM events WHERE "Sequence" >= {first} AND "Sequence" <= {to} AND "ReceivedAt" < {SqliteDates.Text(cutoff)})
                """,
                cancellationToken);
        }

        var deleted = await old.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static async Task<long> CheckpointAsync(AutomationDbContext db, string name, CancellationToken cancellationToken) =>
        await ProcessingCheckpoints.SequenceOf(db, name).FirstOrDefaultAsync(cancellationToken) ?? 0;
}
