using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Workflows;

/// <summary>Two engine hosts on one RabbitMQ vhost and one PostgreSQL database, as replicas run in production.</summary>
public sealed class TwoEngineHostsTests
{
    private const int Customers = 30;

    [Fact]
    public async Task Two_hosts_run_the_same_workflows_without_any_activity_running_twice()
    {
        using var backends = BrokerAndDatabase.Create();
        var settings = new Dictionary<string, string?> { ["Automation:WorkflowsPath"] = ProbeWorkflows.WriteFolder(ProbeWorkflows.PausedMailThenReply) };
        var run = Guid.NewGuid().ToString("N")[..8];
        var customers = Enumerable.Range(0, Customers).Select(i => $"pair-{run}-{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        using (var first = AutomationHost.OnRabbitMqAndPostgres(backends, settings))
        using (var second = AutomationHost.OnRabbitMqAndPostgres(backends, settings))
        {
            using var one = await first.AdminAsync(); // started one after the other: both import the shipped folder, the second finds it done
            using var two = await second.AdminAsync();
            AutomationHost[] hosts = [first, second];

            // Half the customers arrive through each host; timers, actions and outcomes are then shared out by the bus and database.
            for (var i = 0; i < Customers; i++)
            {
                await PostAsync(hosts[i % 2], customers[i], ("identify", new { email = Email(customers[i]), name = "Pat Pair" }), ("probe_pair", null));
            }

            var waiting = await InstancesAsync(one, i => i.Count(x => Is(x, "waiting") && x.GetProperty("currentActivityId").GetString() == "reply") == Customers);
            Assert.Equal(Customers, waiting.Count(x => Is(x, "waiting") && x.GetProperty("currentActivityId").GetString() == "reply"));
            for (var i = 0; i < Customers; i++)
            {
                await PostAsync(hosts[(i + 1) % 2], customers[i], ("probe_reply", null));
            }

            var instances = await InstancesAsync(two, i => i.Count(x => Is(x, "completed")) == Customers);
            Assert.Equal(Customers, instances.Count);
            Assert.All(instances, i => Assert.True(Is(i, "completed"), $"{i}"));
            foreach (var instance in instances)
            {
                var detail = await one.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetString()}");
                var taken = detail.GetProperty("steps").EnumerateArray()
                    .Where(s => s.TryGetProperty("port", out var p) && p.ValueKind == JsonValueKind.String)
                    .Select(s => $"{s.GetProperty("activityId").GetString()}:{s.GetProperty("port").GetString()}").ToList();
                Assert.Equal(["trigger:done", "pause:done", "mail:done", "reply:event"], taken);
            }

            var actions = (await two.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId=probe-paused-mail&take=500")).EnumerateArray().ToList();
            Assert.Equal(Customers, actions.Count);
            Assert.Equal(Customers, actions.Select(a => a.GetProperty("customerId").GetString()).Distinct().Count());
            Assert.All(actions, a => Assert.Equal("completed", a.GetProperty("status").GetString()));
            await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate send, if any, would have reached the sink by now
            Assert.All(customers, c => Assert.Single(Maildir.MessagesTo(Email(c))));
        }
    }

    private static string Email(string customer) => $"{customer}@example.test";

    private static bool Is(JsonElement instance, string status) => string.Equals(instance.GetProperty("status").GetString(), status, StringComparison.OrdinalIgnoreCase);

    private static async Task PostAsync(AutomationHost host, string customer, params (string Type, object? Properties)[] events)
    {
        var now = DateTime.UtcNow;
        var batch = events.Select((e, i) => new { customerId = customer, type = e.Type, timestamp = now.AddMilliseconds(i - events.Length).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), properties = e.Properties });
        using var response = await host.PostEventsAsync(new { events = batch });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<List<JsonElement>> InstancesAsync(HttpClient client, Func<List<JsonElement>, bool> until) =>
        Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/workflows/probe-paused-mail/instances")).EnumerateArray().ToList(),
            until,
            TimeSpan.FromSeconds(60));
}
