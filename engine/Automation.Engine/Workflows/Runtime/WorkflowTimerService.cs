using Automation.Engine.Cluster;
using Automation.Engine.Messaging;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// Fires what falls due: waits and event timeouts, and the other features' <see cref="IDueWork"/> (actions held for
/// quiet hours, approvals that expired).
/// Everything it reads is in the database, so a restarted engine picks up where the last one stopped; one process of
/// the cluster fires them, so that nothing fires twice.
/// </summary>
public sealed partial class WorkflowTimerService(
    IDbContextFactory<AutomationDbContext> databases,
    InstanceResumer resumer,
    IEnumerable<IDueWork> others,
    OutboxSignal outbox,
    IPartitionOwnership cluster,
    TimeProvider clock,
    ILogger<WorkflowTimerService> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var fired = await cluster.LeadsAsync(ClusterJob.WorkflowTimers, stoppingToken) ? await FireDueAsync(stoppingToken) : 0;
                if (fired < BatchSize)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTimerFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
            }
        }
    }

    /// <summary>One sweep; returns how many things fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var fired = 0;

        foreach (var work in others)
        {
            fired += await work.FireDueAsync(db, now, BatchSize, cancellationToken);
        }

        var due = await db.WorkflowInstances
            .Where(i => i.Status == WorkflowInstanceStatus.Waiting && i.WakeAt <= now && i.Bookmark != null && !i.Bookmark.StartsWith("approval:"))
            .OrderBy(i => i.WakeAt).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var instance in due)
        {
            fired++;
            var port = InstanceResumer.TimeoutPort(instance.Bookmark);
            await resumer.ResumeAsync(db, instance, port, port == "timeout" ? $"no {instance.WaitingForEvent} before the timeout" : "wait is over", now, cancellationToken);
        }

        if (fired > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.Notify();
        }

        return fired;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer sweep failed; retrying")]
    private static partial void LogTimerFailed(ILogger logger, Exception ex);
}
