using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Testing.Histories;

namespace Automation.Integration.Tests.Scoring;

/// <summary>
/// Training as the web app starts it: in the background, answered at once with where to follow it, reporting its stage
/// and then the profiles it scored, ending with the version and why it was activated or refused.
/// </summary>
public sealed class TrainingRunTests
{
    private const int Customers = 300;

    [Fact]
    public async Task A_training_run_started_in_the_background_reports_its_stages_and_ends_with_every_profile_scored()
    {
        using var host = AutomationHost.Embedded();
        var history = ChurnHistory.Generate(Customers, DateTime.UtcNow.AddHours(-1), planted: true);
        foreach (var batch in history.Chunk(1_000))
        {
            using var response = await host.PostEventsAsync(new { events = batch.Select(e => new { customerId = e.CustomerId, type = e.Type, timestamp = e.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), value = e.Value }) });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var admin = await host.AdminAsync();
        // Events are processed in the order they were accepted: once the last customer's are in, everyone's are.
        var last = history[^1].CustomerId;
        var expected = history.Count(e => e.CustomerId == last);
        var profile = await Poll.UntilAsync(() => TotalEventsAsync(admin, last), n => n == expected, TimeSpan.FromSeconds(60));
        Assert.Equal(expected, profile);

        using var started = await admin.PostAsJsonAsync("/api/scores/models/training", new { target = "churn", horizonDays = ChurnHistory.WindowDays });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location ?? throw new InvalidOperationException("no Location to follow");
        var stages = new List<string>();
        var job = await Poll.UntilAsync(
            async () =>
            {
                var seen = await admin.GetFromJsonAsync<JsonElement>(location);
                stages.Add(seen.GetProperty("stage").GetString()!);
                return seen;
            },
            j => Finished(j),
            TimeSpan.FromSeconds(120));

        Assert.Equal("done", job.GetProperty("stage").GetString());
        var result = job.GetProperty("result");
        Assert.True(result.GetProperty("active").GetBoolean());
        Assert.Equal(Customers, result.GetProperty("scored").GetInt32());
        Assert.Equal(Customers, job.GetProperty("done").GetInt32());
        Assert.Equal(Customers, job.GetProperty("total").GetInt32());
        Assert.StartsWith("Version 1: activated (no version was active)", job.GetProperty("description").GetString(), StringComparison.Ordinal);

        // Stages only move forward.
        var order = new[] { "queued", "examples", "fitting", "scoring", "done" };
        var indexes = stages.Select(s => Array.IndexOf(order, s)).ToList();
        Assert.DoesNotContain(-1, indexes);
        Assert.Equal(indexes.Order(), indexes);
    }

    [Fact]
    public async Task A_training_run_without_history_fails_with_the_reason_and_a_bad_request_is_refused_at_once()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:SeedDemoData"] = "false" });
        using var admin = await host.AdminAsync();

        using var refused = await admin.PostAsJsonAsync("/api/scores/models/training", new { target = "loyalty", horizonDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("target", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var started = await admin.PostAsJsonAsync("/api/scores/models/training", new { target = "churn", horizonDays = 30 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await Poll.UntilAsync(
            async () => await admin.GetFromJsonAsync<JsonElement>(started.Headers.Location!),
            j => Finished(j),
            TimeSpan.FromSeconds(60));
        Assert.Equal("failed", job.GetProperty("stage").GetString());
        Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("error").GetString()));
        Assert.StartsWith("Training failed: ", job.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(job.TryGetProperty("result", out _));

        using var unknown = await admin.GetAsync(new Uri($"/api/scores/models/training/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>The API leaves out what is null: a run still going has no finishedAt.</summary>
    private static bool Finished(JsonElement job) => job.TryGetProperty("finishedAt", out var at) && at.ValueKind != JsonValueKind.Null;

    private static async Task<int> TotalEventsAsync(HttpClient admin, string customerId)
    {
        using var response = await admin.GetAsync(new Uri($"/api/customers/{customerId}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeline").GetProperty("totalEvents").GetInt32()
            : -1;
    }
}
