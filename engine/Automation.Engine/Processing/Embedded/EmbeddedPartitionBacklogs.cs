using Automation.Engine.Cluster;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Embedded;

/// <summary>The embedded log's backlog: the events past the processor's checkpoint, each under its customer's partition.</summary>
public sealed class EmbeddedPartitionBacklogs(IDbContextFactory<AutomationDbContext> databases, CustomerPartitions partitions) : IPartitionBacklogs
{
    public async Task<IReadOnlyList<PartitionBacklog>> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var processed = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Events).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var waiting = await db.Events.AsNoTracking().Where(e => e.Sequence > processed)
            .GroupBy(e => e.CustomerId).Select(g => new { CustomerId = g.Key, Waiting = g.LongCount(), Oldest = g.Min(e => e.ReceivedAt) })
            .ToListAsync(cancellationToken);
        return [.. waiting.GroupBy(w => partitions.Of(w.CustomerId)).OrderBy(g => g.Key)
            .Select(g => new PartitionBacklog(g.Key, g.Sum(w => w.Waiting), g.Min(w => w.Oldest)))];
    }
}
