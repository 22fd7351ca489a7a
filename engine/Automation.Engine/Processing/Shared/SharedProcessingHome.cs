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
/// The shared home (PostgreSQL, any number of engine processes): each batch is one transaction under the profile
/// writers' advisory lock, reads the events not yet marked processed, and writes its profiles with it.
/// </summary>
public sealed class SharedProcessingHome(
    IDbContextFactory<AutomationDbContext> databases,
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
            // One processor at a time across the processes keeps each customer's events in order.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.TryLockUntilTransactionEndsAsync(DatabaseLock.ProfileWriters, cancellationToken))
            {
                await transaction.DisposeAsync();
                await db.DisposeAsync();
                return null;
            }

            var events = await db.Events.AsNoTracking().Where(e => !e.Processed).OrderBy(e => e.Sequence)
                .Take(options.Value.Processing.BatchSize).ToListAsync(cancellationToken);
            return new SharedBatch(db, transaction, events, clock.GetUtcNow().UtcDateTime, outbox, timings);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public Task DrainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
