using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using Automation.Testing.Elsa;

namespace Automation.Integration.Tests.Workflows;

/// <summary>An Elsa 3 fork/join imported, published and run for a customer on the real host: both branches wait, both arrive, the join goes on once.</summary>
public sealed class ForkJoinHostTests
{
    [Fact]
    public async Task Imported_elsa_fork_join_runs_both_branches_and_joins_once_on_the_embedded_host()
    {
        using var host = AutomationHost.Embedded();
        await RunAsync(host);
    }

    [Fact]
    public async Task Imported_elsa_fork_join_runs_both_branches_and_joins_once_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        await RunAsync(host);
    }

    private static async Task RunAsync(AutomationHost host)
    {
        using var designer = await host.AdminAsync();
        using var imported = await designer.PostAsync(new Uri("/api/workflows/import/elsa", UriKind.Relative), new StringContent(ElsaExports.ParallelFollowUp, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var body = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Empty(body["unmapped"]!.AsArray());
        var definition = body["definition"]!;
        definition["trigger"] = new JsonObject { ["type"] = "event", ["event"] = "fork_start" };
        var id = definition["id"]!.GetValue<string>();
        using (var saved = await designer.PostAsync(new Uri("/api/workflows", UriKind.Relative), new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using (var published = await designer.PostAsync(new Uri($"/api/workflows/{id}/publish", UriKind.Relative), null))
        {
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }

        var customer = "fork-" + Guid.NewGuid().ToString("N")[..8];
        using var client = await host.AdminAsync();
        await PostAsync(host, customer, "fork_start");
        var instances = await Poll.UntilAsync(
            () => InstancesAsync(client, id, customer),
            all => all.Count(i => i.GetProperty("status").GetString() == "waiting") == 3,
            TimeSpan.FromSeconds(30));
        var parent = Assert.Single(instances, i => ParentOf(i) is null);
        var parentId = parent.GetProperty("id").GetGuid();
        Assert.Equal("FlowFork1", parent.GetProperty("currentActivityId").GetString());
        Assert.All(instances.Where(i => i.GetProperty("id").GetGuid() != parentId), b => Assert.Equal(parentId, ParentOf(b)));

        await PostAsync(host, customer, "fork_open");
        await Poll.UntilAsync(() => InstancesAsync(client, id, customer), all => all.Count(i => i.GetProperty("status").GetString() == "completed") == 1, TimeSpan.FromSeconds(30));
        Assert.Equal("waiting", (await HistoryAsync(client, parentId)).GetProperty("status").GetString()); // one branch of two: the join still waits
        await PostAsync(host, customer, "fork_reply");

        var history = await Poll.UntilAsync(() => HistoryAsync(client, parentId), h => h.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(30));
        var steps = history.GetProperty("steps").EnumerateArray().ToList();
        var join = Assert.Single(steps, s => s.GetProperty("activityId").GetString() == "FlowJoin1");
        Assert.Equal(("done", "2 of 2 branches arrived"), (join.GetProperty("port").GetString(), join.GetProperty("summary").GetString()));
        Assert.Equal("Finish1", steps[^1].GetProperty("activityId").GetString());
        var branches = history.GetProperty("branches").EnumerateArray().ToList();
        Assert.Equal(["Mail", "Sales"], branches.Select(b => b.GetProperty("port").GetString()).Order());
        Assert.All(branches, b => Assert.Equal(("completed", "FlowJoin1"), (b.GetProperty("status").GetString(), b.GetProperty("currentActivityId").GetString())));
        Assert.Contains(branches, b => b.GetProperty("steps").EnumerateArray().Any(s => Text(s, "activityId") == "OpenEvent" && Text(s, "port") == "event"));
        Assert.Contains(branches, b => b.GetProperty("steps").EnumerateArray().Any(s => Text(s, "activityId") == "ReplyEvent" && Text(s, "port") == "event"));
    }

    private static async Task<List<JsonElement>> InstancesAsync(HttpClient client, string workflowId, string customer) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/instances")).EnumerateArray().Where(i => i.GetProperty("customerId").GetString() == customer).ToList();

    private static Guid? ParentOf(JsonElement instance) =>
        instance.TryGetProperty("parentInstanceId", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetGuid() : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null; // nulls are left out of the JSON

    private static Task<JsonElement> HistoryAsync(HttpClient client, Guid instanceId) => client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");

    private static async Task PostAsync(AutomationHost host, string customer, string type)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        using var response = await host.PostEventsAsync(new { events = new[] { new { customerId = customer, type, timestamp = now } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
