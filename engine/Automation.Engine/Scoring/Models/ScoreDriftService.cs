using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Scoring.Models;

/// <summary>Measures score drift shortly after start and then once per DriftInterval (a day by default), in one process of the cluster.</summary>
public sealed partial class ScoreDriftService(ScoreDriftMonitor monitor, IPartitionOwnership cluster, IOptions<AutomationOptions> options, TimeProvider clock, ILogger<ScoreDriftService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await cluster.LeadsAsync(ClusterJob.ScoreDrift, stoppingToken))
                    {
                        await monitor.CheckAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }

                await Task.Delay(options.Value.Scoring.DriftInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Score drift check failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
