using Automation.Engine.Cluster;
using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Shared;

/// <summary>The shared log: one table, appended in the ingesting request's own transaction, each event under its customer's partition.</summary>
public sealed class SharedEventLog(IDbContextFactory<AutomationDbContext> databases, CustomerPartitions partitions) : IEventLog
{
    public async Task<int> AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var known = await KnownIdsAsync(db, events, cancellationToken);
        var added = known.Count == 0 ? events : [.. events.Where(e => !known.Contains(e.EventId))];
        foreach (var e in added)
        {
            e.Partition = partitions.Of(e.CustomerId);
        }

        db.Events.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }

    public long Staged(AutomationDbContext db) => 0;

    public Task SettleAsync(AutomationDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    // The server's write-ahead log is recycled by the server; rows are removed by VACUUM in its own time.
    public Task<bool> ScrubAsync(AutomationDbContext db, CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task<int> DeleteProcessedAsync(AutomationDbContext db, long first, long last, DateTime receivedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var old = db.Events.Where(e => e.Sequence >= first && e.Sequence <= last && e.ReceivedAt < receivedBefore && e.Processed);
        if (!await old.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await old.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static async Task<HashSet<string>> KnownIdsAsync(AutomationDbContext db, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in events.Select(e => e.EventId).Chunk(500))
        {
            var found = await db.Events.AsNoTracking().Where(e => chunk.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken);
            known.UnionWith(found);
        }

        return known;
    }
}
