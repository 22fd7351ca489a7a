using Automation.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Cluster;

/// <summary>Keeps this process's share of the partitions as processes join and leave; gives them all up on stopping.</summary>
public sealed partial class PartitionOwnershipService(
    IPartitionOwnership ownership,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<PartitionOwnershipService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ownership.RebalanceAsync(stoppingToken);
                await Task.Delay(options.Value.Cluster.RebalanceInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A round that failed owns nothing new; the next round looks again.
                LogRebalanceFailed(logger, ex);
                await Task.Delay(options.Value.Cluster.RebalanceInterval, clock, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // The others need not wait for this process's connection to time out.
        await ownership.LeaveAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking this process's share of the partitions failed; trying again")]
    private static partial void LogRebalanceFailed(ILogger logger, Exception ex);
}
