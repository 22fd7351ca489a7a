using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Testing.Histories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Scoring;

public sealed class ScoreCrossedTests
{
    private const string Workflow = """
        {
          "id": "churn-rescue", "name": "Churn rescue",
          "trigger": { "type": "score.crossed", "score": "ChurnRisk", "threshold": 0.5, "direction": "up" },
          "activities": [ { "id": "done", "type": "end" } ],
          "connections": []
        }
        """;

    [Fact]
    public async Task A_customer_whose_churn_risk_rises_past_the_threshold_starts_the_score_crossed_workflow_with_reasons()
    {
        using var host = AutomationHost.Embedded();
        var now = DateTime.UtcNow;
        await StoreHistoryAsync(host, ChurnHistory.Generate(500, now.AddDays(-1), planted: true));

        var (trained, saved) = await host.Services.GetRequiredService<ModelTraining>().RunAsync(Engine.Scoring.Models.ScoreTargets.ChurnRisk, 30, 0.5, activate: true, CancellationToken.None);
        Assert.True(trained.Metrics.Model.Auc > trained.Metrics.Baseline!.Auc + 0.1, $"model {trained.Metrics.Model.Auc} vs baseline {trained.Metrics.Baseline.Auc}");
        var workflows = host.Services.GetRequiredService<WorkflowService>();
        Assert.True((await workflows.SaveDraftAsync(WorkflowJson.Parse(Workflow), "marketer@test", mustBeNew: true, CancellationToken.None)).Succeeded);
        Assert.True((await workflows.PublishAsync("churn-rescue", "marketer@test", CancellationToken.None))!.Succeeded);

        // Two customers alike but for the planted warning sign: support tickets and no email opens.
        var response = await host.PostEventsAsync(new { events = Customer("risky", now, "support_ticket").Concat(Customer("content", now, "email_open")) });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var databases = host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        await Poll.UntilAsync(
            async () =>
            {
                await using var db = await databases.CreateDbContextAsync();
                return await db.WorkflowInstances.AsNoTracking().Where(i => i.WorkflowId == "churn-rescue").ToListAsync();
            },
            instances => instances.Count > 0,
            TimeSpan.FromSeconds(30));
        await Task.Delay(1000); // the content customer's events were in the same batch; give a wrong start time to show

        await using (var db = await databases.CreateDbContextAsync())
        {
            var started = await db.WorkflowInstances.AsNoTracking().Where(i => i.WorkflowId == "churn-rescue").ToListAsync();
            Assert.Equal(["risky"], started.Select(i => i.CustomerId));
            var step = await db.WorkflowSteps.AsNoTracking().FirstAsync(s => s.InstanceId == started[0].Id && s.ActivityId == "trigger");
            Assert.StartsWith("score.crossed: ", step.Summary, StringComparison.Ordinal);
        }

        using var client = await host.AdminAsync();
        var risky = await client.GetFromJsonAsync<JsonElement>("/api/customers/risky");
        var content = await client.GetFromJsonAsync<JsonElement>("/api/customers/content");
        Assert.True(risky.GetProperty("scores").GetProperty("churnRisk").GetDouble() >= 0.5);
        Assert.True(content.GetProperty("scores").GetProperty("churnRisk").GetDouble() < 0.5);
        var reasons = risky.GetProperty("scores").GetProperty("reasonsByScore").GetProperty("ChurnRisk").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
        Assert.InRange(reasons.Count, 1, 3);
        Assert.Contains(reasons, r => r.StartsWith("support tickets in 30 days up", StringComparison.Ordinal) || r.StartsWith("email opens in 30 days down", StringComparison.Ordinal));

        var models = await client.GetFromJsonAsync<JsonElement>("/api/scores/models");
        var listed = Assert.Single(models.EnumerateArray());
        Assert.Equal(saved.Id, listed.GetProperty("id").GetGuid());
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.Equal(trained.Metrics.Model.Auc, listed.GetProperty("metrics").GetProperty("model").GetProperty("auc").GetDouble());

        // Two customers today against a holdout of hundreds: the population has nothing like the training spread.
        var drift = Assert.Single(await host.Services.GetRequiredService<ScoreDriftMonitor>().CheckAsync(CancellationToken.None));
        Assert.True(drift.Warning && drift.Psi > 0.2, $"PSI {drift.Psi}");
        listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/scores/models")).EnumerateArray());
        Assert.StartsWith("scores have drifted", listed.GetProperty("drift").GetProperty("warning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_age_as_days_pass_without_events_once_per_interval()
    {
        using var host = AutomationHost.Embedded();
        var now = DateTime.UtcNow;
        await StoreHistoryAsync(host, ChurnHistory.Generate(500, now.AddDays(-1), planted: true));
        await host.Services.GetRequiredService<ModelTraining>().RunAsync(Engine.Scoring.Models.ScoreTargets.ChurnRisk, 30, 0.5, activate: true, CancellationToken.None);
        var response = await host.PostEventsAsync(new { events = Customer("fading", now, "email_open") });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var client = await host.AdminAsync();
        var today = await Poll.UntilAsync(
            async () => await client.GetFromJsonAsync<JsonElement>("/api/customers/fading"),
            c => c.ValueKind == JsonValueKind.Object && c.GetProperty("scores").GetProperty("churnRisk").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(30));
        var before = today.GetProperty("scores").GetProperty("churnRisk").GetDouble();

        // Two months later, without a single event of theirs.
        var aging = host.Services.GetRequiredService<ScoreAging>();
        var later = now.AddDays(60);
        var scored = await aging.RunIfDueAsync(later, CancellationToken.None);
        var again = await aging.RunIfDueAsync(later.AddHours(1), CancellationToken.None);

        Assert.True(scored >= 1, $"the first run scored {scored} profiles");
        Assert.Null(again);
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/customers/fading")).GetProperty("scores").GetProperty("churnRisk").GetDouble();
        Assert.True(after > before, $"churn risk {before:0.000} today and {after:0.000} after 60 quiet days");
    }

    /// <summary>
    /// History for training only: stored as already processed, so it is learned from without replaying it live. The
    /// embedded processor goes by its checkpoints, so they are moved past the history (between batches, at the write
    /// gate) and the processor is made to read them again.
    /// </summary>
    private static async Task StoreHistoryAsync(AutomationHost host, List<HistoryEvent> history)
    {
        using var writing = await host.Services.GetRequiredService<ProfileWriteGate>().EnterAsync(CancellationToken.None);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Events.AddRange(history.Select((e, i) => new StoredEvent
        {
            EventId = $"history-{i}",
            CustomerId = e.CustomerId,
            Type = e.Type,
            Timestamp = e.Timestamp,
            Value = e.Value,
            ReceivedAt = e.Timestamp,
            Processed = true,
        }));
        await db.SaveChangesAsync();
        if (!db.IsPostgres)
        {
            var last = await db.Events.MaxAsync(e => e.Sequence);
            await EventCustomerRows.FileAsync(db, last, CancellationToken.None);
            await ProcessingCheckpoints.SaveAsync(db, ProcessingCheckpoint.Events, last, CancellationToken.None);
            await ProcessingCheckpoints.SaveAsync(db, ProcessingCheckpoint.Profiles, last, CancellationToken.None);
        }

        await transaction.CommitAsync();
        host.Services.GetRequiredService<Engine.Profiles.ProfileStore>().Reset();
    }

    /// <summary>Bought twice, the last time 64 days ago, a few page views; and four of <paramref name="recent"/> in the last three weeks.</summary>
    private static IEnumerable<object> Customer(string id, DateTime now, string recent)
    {
        yield return Event(id, "page_view", now.AddDays(-170));
        yield return new { customerId = id, type = "purchase", timestamp = Iso(now.AddDays(-120)), value = 120 };
        yield return new { customerId = id, type = "purchase", timestamp = Iso(now.AddDays(-64)), value = 90 };
        yield return Event(id, "page_view", now.AddDays(-25));
        for (var i = 0; i < 4; i++)
        {
            yield return Event(id, recent, now.AddDays(-3 - (4 * i)));
        }
    }

    private static object Event(string id, string type, DateTime at) => new { customerId = id, type, timestamp = Iso(at) };

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
