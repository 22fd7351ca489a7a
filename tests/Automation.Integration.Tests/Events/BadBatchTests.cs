using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Events;

public sealed class BadBatchTests : IClassFixture<BadBatchTests.Host>
{
    private readonly AutomationHost host;

    public BadBatchTests(Host fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        host = fixture.Value;
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_problem_details()
    {
        using var client = host.ApiClient();
        using var body = new StringContent("{ \"events\": [ { \"customerId\": \"c1\", ", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/events", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Batch_with_bad_items_names_each_one_and_stores_nothing()
    {
        var good = "good-" + Guid.NewGuid().ToString("N")[..8];
        var response = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = good, type = "page_view", timestamp = "2026-11-20T10:00:00Z" },
                new { type = "page_view", timestamp = "2026-11-20T10:00:00Z" },
                new { customerId = good, type = "page_view", timestamp = "20/11/2026 10:00" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("events[1].customerId", fields);
        Assert.Contains("events[2].timestamp", fields);
        Assert.DoesNotContain(fields, f => f!.StartsWith("events[0]", StringComparison.Ordinal));
        Assert.True(problem.GetProperty("errors").TryGetProperty("events[2].timestamp", out var reasons));
        Assert.Contains("ISO 8601", reasons[0].GetString(), StringComparison.Ordinal);

        using var client = await host.AdminAsync();
        await Task.Delay(500);
        var profile = await client.GetAsync($"/api/customers/{good}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{good}/events");
        Assert.Equal(0, events.GetArrayLength());
    }

    [Fact]
    public async Task Events_without_an_api_key_are_refused()
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/events", new { events = new[] { new { customerId = "x", type = "page_view", timestamp = "2026-11-20T10:00:00Z" } } });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_same_event_id_twice_is_stored_once_and_counted_as_a_duplicate()
    {
        var id = "dup-" + Guid.NewGuid().ToString("N")[..8];
        var batch = new { events = new[] { new { id, customerId = id, type = "page_view", timestamp = "2026-11-20T10:00:00Z" } } };
        var first = await (await host.PostEventsAsync(batch)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await host.PostEventsAsync(batch)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(1, second.GetProperty("duplicates").GetInt32());
        using var client = await host.AdminAsync();
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/events");
        Assert.Equal(1, events.GetArrayLength());
    }

    [Fact]
    public async Task More_than_ten_thousand_events_is_refused_with_413_naming_the_limit()
    {
        var customer = "many-" + Guid.NewGuid().ToString("N")[..8];
        var events = Enumerable.Range(0, 10_001).Select(i => new { customerId = customer, type = "page_view", timestamp = "2026-11-20T10:00:00Z" });
        var response = await host.PostEventsAsync(new { events });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("at most 10000 events", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var client = await host.AdminAsync();
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/events")).GetArrayLength());
    }

    [Fact]
    public async Task A_body_over_5_mb_is_refused_with_413_naming_the_limit()
    {
        var padding = new string('x', 6 * 1024 * 1024);
        var response = await host.PostEventsAsync(new { events = new[] { new { customerId = "big", type = "page_view", timestamp = "2026-11-20T10:00:00Z", properties = new { padding } } } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("5 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public sealed class Host : IDisposable
    {
        public AutomationHost Value { get; } = AutomationHost.Embedded();

        public void Dispose() => Value.Dispose();
    }
}
