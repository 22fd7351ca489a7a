using Automation.Host.Outages;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Host.Health;

/// <summary>Unhealthy while the database does not answer (either home); the engine then refuses writes with 503.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<AutomationDbContext> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex) when (OutageClassifier.Classify(ex) is not null)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
