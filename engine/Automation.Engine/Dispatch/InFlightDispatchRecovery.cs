using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>
/// On the in-memory bus a dispatch that was handed to its plugin lives only in the process: a crash before its
/// outcome was recorded loses it, and its instance would wait forever. On start, every such action is sent again
/// with its own id and idempotency key, so the plugin either carries it out for the first time or, when it already
/// did, only announces the outcome again. RabbitMQ keeps unacknowledged messages itself, so nothing is re-sent there.
/// </summary>
public sealed partial class InFlightDispatchRecovery(
    IDbContextFactory<AutomationDbContext> databases,
    OutboxSignal outbox,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<InFlightDispatchRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Transport != TransportKind.InMemory)
        {
            return;
        }

        var resent = await ResendAsync(cancellationToken);
        if (resent > 0)
        {
            LogResent(logger, resent);
            outbox.Notify();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Re-sends dispatched actions without an outcome whose command already left the outbox.</summary>
    public async Task<int> ResendAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var inFlight = await db.Actions.Where(a => a.Status == ActionStatus.Dispatched).ToListAsync(cancellationToken);
        var resent = 0;
        foreach (var action in inFlight)
        {
            // Still in the outbox: the relay sends it; a second copy could run the handler twice at once.
            var id = action.Id.ToString();
            if (await db.Outbox.AnyAsync(o => o.Body.Contains(id), cancellationToken))
            {
                continue;
            }

            var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == action.CustomerId, cancellationToken);
            DispatchPipeline.Send(db, action, profile, now);
            resent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return resent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-sent {Count} dispatched actions whose outcome was lost when the engine stopped")]
    private static partial void LogResent(ILogger logger, int count);
}
