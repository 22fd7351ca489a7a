using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>Publishing a new version moves the customers waiting on the old one, without running again what they did.</summary>
public sealed class VersionMigrationTests
{
    private const int Customers = 1000;

    private static readonly Dictionary<string, string?> WebhookHosts = new() { ["Automation:Plugins:Webhook:AllowedHosts:0"] = "127.0.0.1" };

    [Fact]
    public async Task Migration_moves_a_thousand_waiting_instances_to_the_new_version_without_resending_any_action_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres(WebhookHosts);
        await MigrateAsync(host);
    }

    [Fact]
    public async Task Migration_moves_a_thousand_waiting_instances_to_the_new_version_without_resending_any_action_on_the_embedded_host()
    {
        using var host = AutomationHost.Embedded(WebhookHosts);
        await MigrateAsync(host);
    }

    private static async Task MigrateAsync(AutomationHost host)
    {
        using var crm = new WebhookSink();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, Version(waitId: "wait", after: "thanks v1", crm.Url));
        var run = Guid.NewGuid().ToString("N")[..6];
        var customers = Enumerable.Range(0, Customers).Select(i => $"mig-{run}-{i}").ToList();
        await SendAsync(host, customers.Select(c => Event(c, "depth_migrate", DateTime.UtcNow)));
        await UntilAsync(designer, "depth-migrate", all => all.Count(i => Status(i) == "waiting" && i.GetProperty("currentActivityId").GetString() == "wait") == Customers, seconds: 180);
        Assert.Equal(Customers, crm.Bodies.Count); // the action before the wait reached the CRM once per customer

        // v2 renames the wait and changes what follows it; the marketer maps the old wait onto the new one.
        await PublishAsync(designer, Version(waitId: "wait-for-purchase", after: "thanks v2", crm.Url));
        var request = new { mapping = new Dictionary<string, string> { ["wait"] = "wait-for-purchase" } };
        using (var preview = await designer.PostAsJsonAsync("/api/workflows/depth-migrate/migrations/preview", new { }))
        {
            var unmapped = await preview.Content.ReadFromJsonAsync<JsonElement>();
            var line = Assert.Single(unmapped.GetProperty("lines").EnumerateArray());
            Assert.Equal("wait", line.GetProperty("fromStep").GetString());
            Assert.False(line.TryGetProperty("toStep", out _)); // they stay (nulls are left out of the JSON)
            Assert.Contains("choose where its instances go", line.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        using (var preview = await designer.PostAsJsonAsync("/api/workflows/depth-migrate/migrations/preview", request))
        {
            var report = await preview.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((Customers, 0, false), (report.GetProperty("moved").GetInt32(), report.GetProperty("staying").GetInt32(), report.GetProperty("applied").GetBoolean()));
        }

        Assert.All(await InstancesAsync(designer, "depth-migrate"), i => Assert.Equal(1, i.GetProperty("version").GetInt32())); // a preview moves nothing

        using (var migrated = await designer.PostAsJsonAsync("/api/workflows/depth-migrate/migrations", request))
        {
            Assert.Equal(HttpStatusCode.OK, migrated.StatusCode);
            var report = await migrated.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((Customers, 2), (report.GetProperty("moved").GetInt32(), report.GetProperty("toVersion").GetInt32()));
        }

        var moved = await InstancesAsync(designer, "depth-migrate");
        Assert.All(moved, i => Assert.Equal((2, "wait-for-purchase", "waiting"), (i.GetProperty("version").GetInt32(), i.GetProperty("currentActivityId").GetString(), Status(i))));

        await SendAsync(host, customers.Take(3).Select(c => Event(c, "depth_bought", DateTime.UtcNow)));
        var finished = await UntilAsync(designer, "depth-migrate", all => all.Count(i => Status(i) == "completed") == 3);
        var steps = await StepsAsync(designer, finished.First(i => Status(i) == "completed"));
        Assert.Single(steps, s => s.Activity == "welcome" && s.Port == "done"); // the action before the wait completed once, on v1
        Assert.Equal(Customers, crm.Bodies.Count); // and no action was sent again
        var actions = await designer.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=depth-migrate&take=2000");
        Assert.Equal(Customers, actions.GetArrayLength());
        Assert.Contains(steps, s => s.Summary.StartsWith("moved from v1 wait to v2 wait-for-purchase", StringComparison.Ordinal));
        Assert.Contains(("after", "done", "thanks v2"), steps);
        using var audit = await designer.GetAsync(new Uri("/api/audit?take=50", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains($"{Customers} waiting instances moved to v2", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonNode Version(string waitId, string after, Uri crm)
    {
        var definition = Definition(waitId, after, crm);
        definition["activities"]![0]!["input"]!["body"] = "{\"customer\":\"{{customerId}}\"}";
        return definition;
    }

    private static JsonNode Definition(string waitId, string after, Uri crm) => JsonNode.Parse($$"""
        {
          "id": "depth-migrate", "name": "Depth: migrate", "trigger": { "type": "event", "event": "depth_migrate" },
          "activities": [
            { "id": "welcome", "type": "action", "action": "webhook.send", "input": { "method": "POST", "url": "{{crm}}", "body": "" } },
            { "id": "{{waitId}}", "type": "waitForEvent", "event": "depth_bought", "timeout": "P30D" },
            { "id": "after", "type": "note", "text": "{{after}}" }
          ],
          "connections": [
            { "from": "welcome", "port": "done", "to": "{{waitId}}" },
            { "from": "{{waitId}}", "port": "event", "to": "after" }
          ]
        }
        """)!;
}
