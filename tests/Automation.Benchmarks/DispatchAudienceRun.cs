using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Automation.Engine.Content;
using Automation.Engine.Events;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;

namespace Automation.Benchmarks;

/// <summary>
/// A whole segment at once: <c>size</c> customers with an email address join a segment (through ordinary identify
/// events, not timed), then a one-off scheduled trigger starts every member and each instance's first step is
/// email.send through the Email plugin's batch handler, handed to a <see cref="CountingMailDelivery"/>. Timed from the
/// moment the schedule fired (its audit entry) to the last email reaching the delivery, with the process's CPU time.
/// </summary>
public sealed class DispatchAudienceRun(WebApplication app, CountingMailDelivery mail)
{
    public const string Segment = "bench-audience";
    private const string WorkflowId = "bench-audience-send";

    public sealed record Result(int Actions, double Seconds, double PerSecond, double CoreMsPerAction, double SecondsToLastStart);

    public async Task<Result> RunAsync(int size)
    {
        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Segments.Add(new SegmentDefinitionRecord { Key = Segment, Name = "Bench audience", Expression = "Features.HasEmail" });
            await EmailTemplateService.AddBuiltInAsync(db, DateTime.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<SegmentCatalog>().Invalidate();
        await JoinAsync(databases, size);

        // A one-off time a moment ago fires once, at the schedule service's next look (every 2 s).
        var definition = $$"""
            { "id": "{{WorkflowId}}", "name": "Bench: email a whole segment", "reentry": { "policy": "always" },
              "trigger": { "type": "schedule", "segment": "{{Segment}}", "at": "{{DateTime.UtcNow.AddSeconds(-1):yyyy-MM-ddTHH:mm:ssZ}}" },
              "activities": [ { "id": "mail", "type": "action", "action": "email.send", "input": { "template": "welcome" } },
                              { "id": "sent", "type": "end" }, { "id": "gave-up", "type": "end" }, { "id": "blocked", "type": "end" }, { "id": "refused", "type": "end" } ],
              "connections": [ { "from": "mail", "port": "done", "to": "sent" }, { "from": "mail", "port": "failed", "to": "gave-up" },
                               { "from": "mail", "port": "skipped", "to": "blocked" }, { "from": "mail", "port": "rejected", "to": "refused" } ] }
            """;
        mail.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        await workflows.SaveDraftAsync(WorkflowJson.Parse(definition), "bench", mustBeNew: true, CancellationToken.None);
        await workflows.PublishAsync(WorkflowId, "bench", CancellationToken.None);

        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (mail.Count < size)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"audience: {mail.Count} of {size} emails reached the delivery within 15 minutes");
            }

            await Task.Delay(100);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (mail.Repeated > 0)
        {
            throw new InvalidOperationException($"audience: {mail.Repeated} emails reached the delivery twice");
        }

        DateTime fired;
        DateTime finished;
        await using (var db = await databases.CreateDbContextAsync())
        {
            fired = await db.Audit.AsNoTracking().Where(a => a.Action == "schedule.fired" && a.Subject == "workflow/" + WorkflowId).Select(a => a.At).SingleAsync();
            finished = await db.Audit.AsNoTracking().Where(a => a.Action == "schedule.finished" && a.Subject == "workflow/" + WorkflowId).Select(a => a.At).FirstOrDefaultAsync();
        }

        var seconds = (mail.Last - fired).TotalSeconds;
        return new Result(size, seconds, size / seconds, cpu.TotalMilliseconds / size, finished == default ? double.NaN : (finished - fired).TotalSeconds);
    }

    /// <summary>Identify events giving each customer an address, until the segment holds them all.</summary>
    private async Task JoinAsync(IDbContextFactory<AutomationDbContext> databases, int size)
    {
        var ingestion = app.Services.GetRequiredService<EventIngestion>();
        var clock = Stopwatch.StartNew();
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        foreach (var chunk in Enumerable.Range(0, size).Chunk(5_000))
        {
            var events = chunk.Select(i =>
            {
                var customer = "aud-" + i.ToString("000000", CultureInfo.InvariantCulture);
                var traits = JsonSerializer.SerializeToElement(new { email = customer + "@example.test", name = "Customer " + i.ToString(CultureInfo.InvariantCulture) });
                return new IncomingEvent("aud-id-" + i.ToString(CultureInfo.InvariantCulture), customer, "identify", timestamp, null, traits);
            }).ToList();
            var result = await ingestion.IngestAsync(events, CancellationToken.None);
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException("the audience's events were refused: " + result.Errors[0]);
            }
        }

        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync();
            var members = await db.SegmentMemberships.CountAsync(m => m.SegmentKey == Segment);
            if (members >= size)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audience: {members:N0} customers in {Segment} after {clock.Elapsed.TotalSeconds:0.0} s (not timed)"));
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"audience: {members} of {size} customers joined {Segment} within 10 minutes");
            }

            await Task.Delay(500);
        }
    }
}
