using System.Diagnostics;
using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Processing.Shared;

/// <summary>
/// The shared home (PostgreSQL, any number of engine processes): each batch is one transaction over the partitions
/// this process owns, reads their events not yet marked processed, and writes its profiles with it.
/// </summary>
public sealed class SharedProcessingHome(
    IDbContextFactory<AutomationDbContext> databases,
    IPartitionOwnership ownership,
    CustomerPartitions partitions,
    OutboxSignal outbox,
    IOptions<AutomationOptions> options,
    ProcessingTimings timings,
    TimeProvider clock) : IProcessingHome
{
    public async Task<ProcessingBatch?> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await databases.CreateDbContextAsync(cancellationToken);
        try
        {
            // One process at a time per partition keeps each customer's events in order.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var t = Stopwatch.GetTimestamp();
            var owned = await ownership.HoldForBatchAsync(db, cancellationToken);
            t = timings.Add("hold partitions", t);
            if (owned.Count == 0)
            {
                await transaction.DisposeAsync();
                await db.DisposeAsync();
                return null;
            }

            var all = owned.Count >= partitions.Count;
            var ownedIds = owned.ToArray();
            var events = await db.Events.AsNoTracking().Where(e => !e.Processed && (all || ownedIds.Contains(e.Partition))).OrderBy(e => e.Sequence)
                .Take(options.Value.Processing.BatchSize).ToListAsync(cancellationToken);
            timings.Add("read events", t, events.Count);
            var held = new HeldPartitions(ownership, partitions, owned);
            return new SharedBatch(db, transaction, events, clock.GetUtcNow().UtcDateTime, held, outbox, timings);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public Task DrainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
