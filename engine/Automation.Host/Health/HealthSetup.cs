using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Automation.Host.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    /// <summary>Readiness checks: the database, the bus (its broker), and processing (set-aside customers, lag, outbox).</summary>
    public static void AddHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<BusHealthCheck>("bus", tags: [Ready])
            .AddCheck<ProcessingHealthCheck>("processing", tags: [Ready]);
    }

    /// <summary>
    /// GET /health/live: the process serves requests (no dependency is asked: restarting it would not bring one back).
    /// GET /health/ready and GET /health: 503 while the database or the broker is unreachable; 200 "degraded" while
    /// customers are set aside or processing falls behind.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().WithTags("Operations").WithSummary("Liveness: 200 while the process serves requests");
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
                .AllowAnonymous().WithTags("Operations").WithSummary("Readiness: 503 naming the database or broker while unreachable; 200 degraded while customers are set aside or processing lags");
        }
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).OfType<string>().ToList();
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString().ToLowerInvariant(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()),
        };
        if (reasons.Count > 0)
        {
            body["reason"] = string.Join("; ", reasons);
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
