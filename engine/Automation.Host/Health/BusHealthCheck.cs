using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Host.Health;

/// <summary>Unhealthy while the bus cannot reach its broker (RabbitMQ); the in-memory bus is healthy once started.</summary>
public sealed class BusHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Unhealthy
            ? HealthCheckResult.Unhealthy("message broker unreachable")
            : HealthCheckResult.Healthy());
}
