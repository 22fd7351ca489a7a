using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Segments;

/// <summary>Runs queued segment backfills as they come, and a sweep of every segment on its interval.</summary>
public sealed partial class SegmentSweepService(SegmentSweeper sweeper, IPartitionOwnership cluster, IOptions<AutomationOptions> options, TimeProvider clock, ILogger<SegmentSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextFullSweep = clock.GetUtcNow() + options.Value.Processing.SegmentSweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = nextFullSweep - clock.GetUtcNow();
                var (requested, segment) = await sweeper.NextRequestAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken);
                if (!requested)
                {
                    nextFullSweep = clock.GetUtcNow() + options.Value.Processing.SegmentSweepInterval;
                }

                // A backfill asked of this process runs here; the periodic sweep of every segment runs in one process of the cluster.
                if (!requested && !await cluster.LeadsAsync(ClusterJob.SegmentSweep, stoppingToken))
                {
                    continue;
                }

                var done = await sweeper.SweepAsync(requested ? segment : null, stoppingToken);
                LogSwept(logger, done.Segment ?? "all segments", done.Processed, done.Entered, done.Exited);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment sweep of {Segments}: {Profiles} profiles, {Entered} entered, {Exited} exited")]
    private static partial void LogSwept(ILogger logger, string segments, int profiles, int entered, int exited);

    [LoggerMessage(Level = LogLevel.Error, Message = "Segment sweep failed; it runs again on the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
