using System.Text;
using Automation.Engine.Events;
using Automation.Engine.Processing.Embedded;
using Automation.Host.Access;
using Automation.Host.Outages;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Automation.Storage.Events;
using Automation.Storage.Workflows;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class OperationsApi
{
    public static void MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapGet("/health", HealthAsync).AllowAnonymous().WithTags("Operations");
        app.MapGet("/metrics", MetricsAsync).AllowAnonymous().WithTags("Operations").WithSummary("Prometheus text format");
        app.MapGet("/api/audit", async (IDbContextFactory<AutomationDbContext> databases, int? take, CancellationToken ct) =>
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            return TypedResults.Ok(await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 200, 1, 2000)).ToListAsync(ct));
        }).RequireAuthorization(Policies.ReadPeople).WithTags("Operations").WithSummary("The append-only audit log, newest first");
    }

    /// <summary>Readiness: 200 while the database and the broker answer, 503 naming what does not.</summary>
    private static async Task<IResult> HealthAsync(IDbContextFactory<AutomationDbContext> databases, IBusControl bus, CancellationToken ct)
    {
        bool database;
        var setAside = 0;
        try
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            database = await db.Database.CanConnectAsync(ct);
            setAside = database ? await db.QuarantinedCustomers.CountAsync(ct) : 0;
        }
        catch (Exception ex) when (OutageClassifier.Classify(ex) is not null)
        {
            database = false;
        }

        var broker = bus.CheckHealth().Status != BusHealthStatus.Unhealthy;
        var reasons = new[] { database ? null : "database unreachable", broker ? null : "message broker unreachable" }.OfType<string>().ToList();
        if (reasons.Count > 0)
        {
            return TypedResults.Json(new { status = "unhealthy", reason = string.Join("; ", reasons) }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Still serving, but someone's events wait for a person: degraded until they are retried.
        return setAside == 0
            ? TypedResults.Ok(new { status = "healthy" })
            : TypedResults.Ok(new { status = "degraded", reason = $"{setAside} customers set aside: their events could not be processed (GET /api/processing/quarantine)" });
    }

    /// <summary>During a database outage the figures this process holds are still reported, with automation_database_up 0.</summary>
    private static async Task<IResult> MetricsAsync(IDbContextFactory<AutomationDbContext> databases, ProcessingTimings timings, IEventLog log, CancellationToken ct)
    {
        var text = new StringBuilder();
        var stored = new StringBuilder();
        var up = true;
        try
        {
            await AppendStoredAsync(stored, databases, log, ct);
        }
        catch (Exception ex) when (OutageClassifier.Classify(ex) is not null)
        {
            up = false;
        }

        text.AppendLine("# TYPE automation_database_up gauge").Append("automation_database_up ").Append(up ? 1 : 0).AppendLine();
        text.Append(up ? stored : null);

        // Where event processing spends its time, so a slow stage on a live engine is seen rather than guessed.
        text.AppendLine("# TYPE automation_processing_seconds_total counter");
        foreach (var (stage, elapsed, _) in timings.Snapshot())
        {
            text.Append("automation_processing_seconds_total{stage=\"").Append(stage.Trim()).Append("\"} ")
                .Append(elapsed.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).AppendLine();
        }

        return TypedResults.Text(text.ToString(), "text/plain; version=0.0.4");
    }

    private static async Task AppendStoredAsync(StringBuilder text, IDbContextFactory<AutomationDbContext> databases, IEventLog log, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);

        // Accepted while the writer was busy and not yet moved into the log: stored, and not processed.
        var staged = log.Staged(db);
        text.AppendLine("# TYPE automation_events_total counter").Append("automation_events_total ").Append(await db.Events.LongCountAsync(ct) + staged).AppendLine();
        text.AppendLine("# TYPE automation_events_unprocessed gauge").Append("automation_events_unprocessed ").Append(await EventCustomerRows.UnprocessedAsync(db, ct) + staged).AppendLine();
        text.AppendLine("# TYPE automation_customers gauge").Append("automation_customers ").Append(await db.Profiles.LongCountAsync(ct)).AppendLine();
        text.AppendLine("# TYPE automation_outbox_pending gauge").Append("automation_outbox_pending ").Append(await db.Outbox.LongCountAsync(ct)).AppendLine();
        text.AppendLine("# TYPE automation_actions gauge");
        foreach (var g in await db.Actions.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            text.Append("automation_actions{status=\"").Append(g.Key.ToString().ToLowerInvariant()).Append("\"} ").Append(g.Count).AppendLine();
        }

        text.AppendLine("# TYPE automation_instances gauge");
        foreach (var g in await db.WorkflowInstances.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            text.Append("automation_instances{status=\"").Append(g.Key.ToString().ToLowerInvariant()).Append("\"} ").Append(g.Count).AppendLine();
        }
    }
}
