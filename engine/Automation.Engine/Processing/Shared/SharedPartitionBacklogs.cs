using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Shared;

/// <summary>The shared log's backlog: the events not yet marked processed, counted under the partition they were stored with.</summary>
public sealed class SharedPartitionBacklogs(IDbContextFactory<AutomationDbContext> databases) : IPartitionBacklogs
{
    public async Task<IReadOnlyList<PartitionBacklog>> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Events.AsNoTracking().Where(e => !e.Processed).GroupBy(e => e.Partition)
            .Select(g => new { Partition = g.Key, Waiting = g.LongCount(), Oldest = g.Min(e => e.ReceivedAt) })
            .ToListAsync(cancellationToken);
        return [.. waiting.OrderBy(w => w.Partition).Select(w => new PartitionBacklog(w.Partition, w.Waiting, w.Oldest))];
    }
}
