using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Npgsql;

namespace Automation.Integration.Tests.Faults;

/// <summary>PostgreSQL made unreachable for one host (a relay on loopback that the test cuts), never for other tests.</summary>
public sealed class IngestionDuringDatabaseOutageTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task While_the_database_is_unreachable_events_answer_503_with_retry_after_and_nothing_is_stored_metrics_answer_readiness_follows_and_liveness_stays()
    {
        using var backends = BrokerAndDatabase.Create();
        var direct = new NpgsqlConnectionStringBuilder(backends.ConnectionString);
        await using var relay = TcpProxy.Start(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(backends.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        using var host = AutomationHost.OnRabbitMqAndPostgres(backends, new Dictionary<string, string?>
        {
            ["Automation:PostgresConnectionString"] = proxied.ConnectionString,
            ["Automation:Transport"] = "InMemory",
        });
        using var client = host.ApiClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/events", Batch($"{run}-before"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        relay.Cut();
        using var refused = await client.PostAsJsonAsync("/api/events", Batch($"{run}-during"));
        using var metrics = await client.GetAsync("/metrics");
        using var readiness = await client.GetAsync("/health");
        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:automation:problem:dependency-unavailable", problem.GetProperty("type").GetString());
        Assert.Contains("Nothing of this request was stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(0, PrometheusText.Count(await metrics.Content.ReadAsStringAsync(), "automation_database_up"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Contains("database unreachable", await readiness.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        relay.Restore();
        var readyAgain = await Poll.UntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, readyAgain);
        Assert.Equal(1, PrometheusText.Count(await client.GetStringAsync("/metrics"), "automation_database_up"));
        await using (var db = new NpgsqlConnection(backends.ConnectionString))
        {
            await db.OpenAsync();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM events WHERE \"CustomerId\" = '{run}-during'", db);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }

        // The producer's retry, once the database is back, is taken.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/events", Batch($"{run}-during"))).StatusCode);
    }

    private static object Batch(string customer) => new
    {
        events = new[]
        {
            new { customerId = customer, type = "page_view", timestamp = DateTimeOffset.UtcNow.AddMinutes(-1) },
            new { customerId = customer, type = "pricing_view", timestamp = DateTimeOffset.UtcNow },
        },
    };
}
