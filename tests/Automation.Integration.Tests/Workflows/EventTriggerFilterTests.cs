using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Workflows;

/// <summary>An event trigger's filter decides, per arriving event, whether the customer enters.</summary>
public sealed class EventTriggerFilterTests : IDisposable
{
    private const string BigWebOrder = """
        { "id": "probe-big-web-order", "name": "Probe: big web orders", "reentry": { "policy": "always" },
          "trigger": { "type": "event", "event": "probe_order", "filter": "Event.Value > 100 && Event.Property(\"channel\") == \"web\"" },
          "activities": [ { "id": "done", "type": "end" } ], "connections": [] }
        """;

    private readonly AutomationHost host;

    public EventTriggerFilterTests()
    {
        var folder = ProbeWorkflows.WriteFolder(BigWebOrder);
        host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:WorkflowsPath"] = folder });
    }

    [Fact]
    public async Task Only_an_event_that_passes_the_trigger_filter_starts_an_instance()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var small = "small-" + suffix;
        var store = "store-" + suffix;
        var big = "big-" + suffix;

        await PostAsync((small, 40m, "web"), (store, 250m, "store"), (big, 250m, "web"));

        using var client = await host.AdminAsync();
        var instances = await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/workflows/probe-big-web-order/instances")).EnumerateArray().ToList(),
            all => all.Count > 0,
            TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(() => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));
        instances = (await client.GetFromJsonAsync<JsonElement>("/api/workflows/probe-big-web-order/instances")).EnumerateArray().ToList();

        Assert.Equal([big], instances.Select(i => i.GetProperty("customerId").GetString()));
    }

    [Fact]
    public async Task A_filter_that_breaks_the_sandbox_is_refused_with_the_trigger_filter_named()
    {
        using var designer = await host.AdminAsync();
        var definition = BigWebOrder.Replace("probe-big-web-order", "probe-bad-filter", StringComparison.Ordinal)
            .Replace("Event.Value > 100 && Event.Property(\\\"channel\\\") == \\\"web\\\"", "Event.GetType().Name == \\\"x\\\"", StringComparison.Ordinal);

        using var response = await designer.PostAsync(new Uri("/api/workflows", UriKind.Relative), new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == "trigger.filter");
    }

    public void Dispose() => host.Dispose();

    private async Task PostAsync(params (string Customer, decimal Value, string Channel)[] orders)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var batch = orders.Select(o => new { customerId = o.Customer, type = "probe_order", timestamp = now, value = o.Value, properties = new { channel = o.Channel } }).ToList();
        using var response = await host.PostEventsAsync(new { events = batch });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
