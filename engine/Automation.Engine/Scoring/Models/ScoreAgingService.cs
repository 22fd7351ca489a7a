using Automation.Engine.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Scoring.Models;

/// <summary>Asks <see cref="ScoreAging"/> every few minutes whether the scores are due to be aged, and logs each run.</summary>
public sealed partial class ScoreAgingService(ScoreAging aging, IPartitionOwnership cluster, TimeProvider clock, ILogger<ScoreAgingService> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await cluster.LeadsAsync(ClusterJob.ScoreAging, stoppingToken) && await aging.RunIfDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken) is { } scored)
                    {
                        LogAged(logger, scored);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }

                await Task.Delay(CheckInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scores aged: {Profiles} profiles scored again as of now")]
    private static partial void LogAged(ILogger logger, int profiles);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ageing the scores failed; the next check tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
