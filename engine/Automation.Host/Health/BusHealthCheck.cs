using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Host.Health;

/// <summary>
/// Unhealthy while the bus cannot reach its broker (RabbitMQ); the in-memory bus is healthy once started. MassTransit
/// calls a bus whose receive endpoints lost their broker "degraded", but an engine that can neither consume nor publish
/// is not ready, so anything short of healthy counts as unreachable.
/// </summary>
public sealed class BusHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("message broker unreachable"));
}
