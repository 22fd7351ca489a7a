using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Expressions;
using Automation.Integration.Tests.Support;
using Automation.Testing;

namespace Automation.Integration.Tests.Processing;

/// <summary>
/// The whole pipeline, not only the endpoint: hostile-but-accepted events and generated segment expressions go through
/// ingestion, folding, scoring, segments and workflows; afterwards the engine still processes a known good event within
/// the usual delay, and nothing answered 500.
/// </summary>
public sealed class PipelineFuzzTests
{
    private const int Events = 10_000;
    private const int Expressions = 200;
    private static readonly TimeSpan UsualDelay = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Stacks => new() { "embedded", "rabbitmq+postgres" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Ten_thousand_hostile_events_and_two_hundred_generated_expressions_leave_the_engine_processing(string stack)
    {
        using var host = stack == "embedded" ? AutomationHost.Embedded() : AutomationHost.OnRabbitMqAndPostgres();
        using var admin = await host.AdminAsync();
        var random = new Random(36);
        var now = DateTime.UtcNow;
        var members = NumericMembers();

        // Half the events first, so that the expressions are tried on real, odd profiles when saved.
        await PostAsync(host, random, now, Events / 2);
        await WaitDrainedAsync(admin, Events / 2);
        var saved = 0;
        for (var i = 0; i < Expressions; i++)
        {
            var expression = GeneratedExpressions.Expression(random, members);
            using var response = await admin.PutAsJsonAsync($"/api/segments/fuzz-{i}", new { name = $"Fuzz {i}", expression });
            Assert.True(
                response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest,
                $"segment {expression}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            saved += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
        }

        Assert.True(saved > 0, "no generated expression was accepted: the generator no longer makes valid ones");
        await PostAsync(host, random, now, Events / 2);

        using var canary = await host.PostEventsAsync(new { events = new[] { new { customerId = "canary", type = "purchase", timestamp = DateTime.UtcNow.ToString("O"), value = 10m } } });
        Assert.Equal(HttpStatusCode.Accepted, canary.StatusCode);
        var profile = await Poll.UntilAsync(
            async () =>
            {
                using var response = await admin.GetAsync("/api/customers/canary");
                return response.StatusCode;
            },
            s => s == HttpStatusCode.OK,
            UsualDelay);
        Assert.Equal(HttpStatusCode.OK, profile);

        using var segments = await admin.GetAsync("/api/segments");
        Assert.Equal(HttpStatusCode.OK, segments.StatusCode);
        using var quarantine = await admin.GetAsync("/api/processing/quarantine");
        Assert.Equal(HttpStatusCode.OK, quarantine.StatusCode);
        Assert.Equal(0, (await quarantine.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    private static async Task PostAsync(AutomationHost host, Random random, DateTime now, int count)
    {
        for (var sent = 0; sent < count; sent += 500)
        {
            var events = new JsonArray([.. Enumerable.Range(0, Math.Min(500, count - sent)).Select(_ => (JsonNode)HostileEvents.Event(random, 300, now))]);
            using var response = await host.PostEventsAsync(new JsonObject { ["events"] = events });
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task WaitDrainedAsync(HttpClient admin, int events)
    {
        var unprocessed = await Poll.UntilAsync(
            async () =>
            {
                var metrics = await admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                var accepted = PrometheusText.Count(metrics, "automation_events_accepted_total");
                return accepted < events ? long.MaxValue : PrometheusText.Count(metrics, "automation_events_unprocessed");
            },
            n => n == 0,
            UsualDelay);
        Assert.Equal(0, unprocessed);
    }

    private static List<string> NumericMembers()
    {
        var numeric = new[] { typeof(int), typeof(long), typeof(double), typeof(decimal) };
        var types = typeof(Automation.Engine.Profiles.CustomerFeatures).GetProperties().Select(p => ("Features." + p.Name, p.PropertyType))
            .Concat(typeof(Automation.Engine.Profiles.CustomerScores).GetProperties().Select(p => ("Scores." + p.Name, p.PropertyType)));
        var known = ProfileExpressionCompiler.KnownMembers().ToHashSet(StringComparer.Ordinal);
        return [.. types.Where(t => numeric.Contains(t.PropertyType) && known.Contains(t.Item1)).Select(t => t.Item1)];
    }
}
