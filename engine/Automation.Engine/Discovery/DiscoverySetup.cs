
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Discovery;

/// <summary>Segment discovery: clusters of customers proposed as segments.</summary>
public static class DiscoverySetup
{
    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddSingleton<CustomerClustering>();
        return services;
    }
}
