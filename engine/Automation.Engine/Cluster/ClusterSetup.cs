using Automation.Engine.Cluster.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Cluster;

/// <summary>Registers the partitioning of customers and the loop that keeps this process's share; the ownership itself is chosen with storage.</summary>
public static class ClusterSetup
{
    public static IServiceCollection AddCluster(this IServiceCollection services)
    {
        services.AddSingleton<CustomerPartitions>();
        services.AddHostedService<PartitionOwnershipService>();
        return services;
    }

    /// <summary>One process owning every partition (the embedded default).</summary>
    public static IServiceCollection AddSingleProcessOwnership(this IServiceCollection services) =>
        services.AddSingleton<IPartitionOwnership, SingleProcessOwnership>();

    /// <summary>Partitions shared out among the live processes under PostgreSQL advisory locks.</summary>
    public static IServiceCollection AddAdvisoryLockOwnership(this IServiceCollection services) =>
        services.AddSingleton<IPartitionOwnership, AdvisoryLockOwnership>();
}
