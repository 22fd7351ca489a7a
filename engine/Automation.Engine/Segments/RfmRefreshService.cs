using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Automation.Engine.Scoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Segments;

/// <summary>Runs the RFM batch job shortly after start and then on its interval, in one process of the cluster.</summary>
public sealed partial class RfmRefreshService(RfmScorer scorer, SegmentSweeper sweeper, IPartitionOwnership cluster, IOptions<AutomationOptions> options, TimeProvider clock, ILogger<RfmRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!await cluster.LeadsAsync(ClusterJob.RfmRefresh, stoppingToken))
                    {
                        await Task.Delay(options.Value.Processing.RfmRefreshInterval, clock, stoppingToken);
                        continue;
                    }

                    await scorer.RefreshAsync(stoppingToken);

                    // New scores move customers between the rfm-* segments.
                    sweeper.Request(null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, ex);
                }

                await Task.Delay(options.Value.Processing.RfmRefreshInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "RFM refresh failed; the next run tries again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
