using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events.Retention;

/// <summary>Runs <see cref="EventRetention"/> every Automation:Retention:Interval, in one process of the cluster.</summary>
public sealed partial class EventRetentionService(EventRetention retention, IPartitionOwnership cluster, IOptions<AutomationOptions> options, TimeProvider clock, ILogger<EventRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Retention;
        if (settings.EventDays <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                var deleted = await cluster.LeadsAsync(ClusterJob.EventRetention, stoppingToken) ? await retention.CompactAsync(stoppingToken) : 0;
                if (deleted > 0)
                {
                    LogCompacted(logger, deleted, settings.EventDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Deleted} processed events received more than {Days} days ago")]
    private static partial void LogCompacted(ILogger logger, long deleted, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event retention failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
