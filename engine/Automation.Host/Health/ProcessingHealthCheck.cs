using Automation.Host.Outages;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Host.Health;

/// <summary>
/// Degraded, still serving: customers set aside (their events wait for a person), a processing backlog older than
/// <see cref="LagLimit"/>, or an outbox the relay is not emptying. Index probes only, no count over the event log.
/// </summary>
public sealed class ProcessingHealthCheck(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan LagLimit = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var problems = new List<string>();
            var setAside = await db.QuarantinedCustomers.CountAsync(cancellationToken);
            if (setAside > 0)
            {
                problems.Add($"{setAside} customers set aside: their events could not be processed (GET /api/processing/quarantine)");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (await EventCustomerRows.OldestUnprocessedAsync(db, cancellationToken) is { } oldest && now - oldest > LagLimit)
            {
                problems.Add($"event processing is behind: the oldest unprocessed event arrived {(now - oldest).TotalMinutes:0} minutes ago");
            }

            if (await db.Outbox.OrderBy(m => m.Id).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken) is { } queued && now - queued > LagLimit)
            {
                problems.Add($"the outbox is not being relayed: its oldest message is {(now - queued).TotalMinutes:0} minutes old");
            }

            return problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join("; ", problems));
        }
        catch (Exception ex) when (OutageClassifier.Classify(ex) is not null)
        {
            // The database check reports the outage; this one has nothing to add.
            return HealthCheckResult.Healthy();
        }
    }
}
