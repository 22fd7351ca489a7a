using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.EndToEnd.EventToEmailScenario;

namespace Automation.Integration.Tests.Profiles;

public sealed class IdentifyTests : IClassFixture<IdentifyTests.Host>
{
    private readonly AutomationHost host;

    public IdentifyTests(Host fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        host = fixture.Value;
    }

    [Fact]
    public async Task Identify_merges_the_anonymous_history_into_the_customer_and_re_evaluates_segments()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var anonymous = $"anon-{run}";
        var customer = $"cust-{run}";
        var now = DateTime.UtcNow;
        using var client = await host.AdminAsync();

        // Apart, neither has looked at pricing twice, so neither is a high-intent visitor.
        await PostAsync(
            Event($"{run}-1", anonymous, "page_view", now.AddHours(-3)),
            Event($"{run}-2", anonymous, "pricing_view", now.AddHours(-3).AddMinutes(1)),
            Event($"{run}-3", customer, "pricing_view", now.AddHours(-1)));
        var anonymousBefore = await ProfileAsync(client, anonymous, p => p?.GetProperty("features").GetProperty("totalEvents").GetInt32() == 2);
        Assert.Equal(1, anonymousBefore!.Value.GetProperty("features").GetProperty("pricingViews7d").GetInt32());
        var customerBefore = await ProfileAsync(client, customer, p => p is not null);
        Assert.DoesNotContain(Segments(customerBefore), s => s == "high-intent");

        await PostAsync(new
        {
            id = $"{run}-4",
            customerId = customer,
            type = "identify",
            timestamp = Iso(now.AddMinutes(-30)),
            properties = new { anonymousId = anonymous, email = $"{run}@example.test" },
        });
        // A straggler still sent under the anonymous id after the link belongs to the customer too.
        await PostAsync(Event($"{run}-5", anonymous, "page_view", now.AddMinutes(-5)));

        var merged = await ProfileAsync(client, customer, p => p?.GetProperty("features").GetProperty("totalEvents").GetInt32() == 5);
        var features = merged!.Value.GetProperty("features");
        Assert.Equal(5, features.GetProperty("totalEvents").GetInt32());
        Assert.Equal(2, features.GetProperty("pricingViews7d").GetInt32());
        Assert.Equal(2, features.GetProperty("pageViews7d").GetInt32());
        Assert.Equal($"{run}@example.test", merged.Value.GetProperty("email").GetString());
        Assert.Equal(now.AddHours(-3), merged.Value.GetProperty("firstSeen").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Contains("high-intent", Segments(merged));

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/events");
        Assert.Equal(
            new[] { $"{run}-1", $"{run}-2", $"{run}-3", $"{run}-4", $"{run}-5" },
            timeline.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{anonymous}")).StatusCode);
    }

    [Fact]
    public async Task A_workflow_the_anonymous_visitor_waits_in_moves_to_the_customer_and_resumes_on_their_event()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var anonymous = $"anon-{run}";
        var customer = $"cust-{run}";
        var now = DateTime.UtcNow;
        using var client = await host.AdminAsync();
        await PostAsync(Event($"{run}-1", anonymous, "probe_started", now.AddMinutes(-10)));
        var waiting = await InstanceOfAsync(client, anonymous, "waiting");
        Assert.Equal("wait", waiting!.Value.GetProperty("currentActivityId").GetString());

        await PostAsync(new { id = $"{run}-2", customerId = customer, type = "identify", timestamp = Iso(now.AddMinutes(-5)), properties = new { anonymousId = anonymous } });
        var moved = await InstanceOfAsync(client, customer, "waiting");
        Assert.Equal(waiting.Value.GetProperty("id").GetString(), moved!.Value.GetProperty("id").GetString());

        // The answer now comes under the customer's own id, and the instance the visitor started hears it.
        await PostAsync(Event($"{run}-3", customer, "probe_answered", now.AddMinutes(-1)));
        var completed = await InstanceOfAsync(client, customer, "completed");
        Assert.Equal(waiting.Value.GetProperty("id").GetString(), completed!.Value.GetProperty("id").GetString());
        Assert.Null(await InstanceOfAsync(client, anonymous, "waiting", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Identify_with_an_anonymous_id_that_is_not_a_string_is_refused_by_field()
    {
        var response = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = "c-bad-identify", type = "identify", timestamp = Iso(DateTime.UtcNow), properties = new { anonymousId = 42 } },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("events[0].properties", item.GetProperty("field").GetString());
        Assert.Contains("anonymousId", item.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task PostAsync(params object[] events)
    {
        var response = await host.PostEventsAsync(new { events });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static object Event(string id, string customerId, string type, DateTime at) => new { id, customerId, type, timestamp = Iso(at) };

    private static async Task<JsonElement?> ProfileAsync(HttpClient client, string id, Func<JsonElement?, bool> done) =>
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/customers/{id}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
            },
            done,
            TimeSpan.FromSeconds(20));

    private static async Task<JsonElement?> InstanceOfAsync(HttpClient client, string customerId, string status, TimeSpan? timeout = null) =>
        await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/workflows/probe-event-wait/instances")).EnumerateArray()
                .Where(i => i.GetProperty("customerId").GetString() == customerId && SyntheticCustomer.Status(i) == status)
                .Select(i => (JsonElement?)i).FirstOrDefault(),
            i => i is not null,
            timeout ?? TimeSpan.FromSeconds(20));

    private static List<string?> Segments(JsonElement? profile) =>
        [.. profile!.Value.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString())];

    public sealed class Host : IDisposable
    {
        public AutomationHost Value { get; } = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:WorkflowsPath"] = ProbeWorkflows.WriteFolder(ProbeWorkflows.EventWait) });

        public void Dispose() => Value.Dispose();
    }
}
