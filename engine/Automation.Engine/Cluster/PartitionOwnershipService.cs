using Automation.Engine.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Cluster;

/// <summary>Keeps this process's share of the partitions as processes join and leave; gives them all up on stopping.</summary>
public sealed class PartitionOwnershipService(IPartitionOwnership ownership, IOptions<AutomationOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ownership.RebalanceAsync(stoppingToken);
                await Task.Delay(options.Value.Cluster.RebalanceInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // The others need not wait for this process's connection to time out.
        await ownership.LeaveAsync(cancellationToken);
    }
}
