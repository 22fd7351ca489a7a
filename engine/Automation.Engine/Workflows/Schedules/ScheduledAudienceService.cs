using Automation.Engine.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Workflows.Schedules;

/// <summary>Looks for due scheduled audience triggers every few seconds, in one process of the cluster.</summary>
public sealed partial class ScheduledAudienceService(ScheduledAudienceStarter starter, IPartitionOwnership cluster, TimeProvider clock, ILogger<ScheduledAudienceService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await cluster.LeadsAsync(ClusterJob.AudienceSchedules, stoppingToken))
                {
                    await starter.RunDueAsync(stoppingToken);
                }

                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScheduleFailed(logger, ex);
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled audience run failed; the next look carries on from the last committed page")]
    private static partial void LogScheduleFailed(ILogger logger, Exception ex);
}
