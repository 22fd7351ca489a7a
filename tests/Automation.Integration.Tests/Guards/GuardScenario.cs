using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Guards;

/// <summary>Customers, events and the dispatch log as the guard tests use them.</summary>
public static class GuardScenario
{
    public static (string Customer, string Email) NewCustomer(string prefix)
    {
        var customer = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        return (customer, $"{customer}@example.test");
    }

    public static object Event(string customer, string type, DateTime at, object? properties = null) =>
        new { id = Guid.NewGuid().ToString("N"), customerId = customer, type, timestamp = EventToEmailScenario.Iso(at), properties };

    public static async Task PostAsync(AutomationHost host, params object[] events)
    {
        using var posted = await host.PostEventsAsync(new { events });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }

    /// <summary>The customer's actions once this many have left the pending and dispatched states.</summary>
    public static async Task<JsonElement[]> SettledActionsAsync(HttpClient client, string customer, int count = 1, string? workflowId = null)
    {
        var query = workflowId is null ? $"/api/actions?customerId={customer}" : $"/api/actions?workflowId={workflowId}";
        var actions = await Poll.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>(query),
            a => a.GetArrayLength() >= count && a.EnumerateArray().All(x => Status(x) is not ("pending" or "dispatched")),
            TimeSpan.FromSeconds(30));
        Assert.True(actions.GetArrayLength() >= count, $"expected {count} settled actions, the log shows: {actions}");
        return [.. actions.EnumerateArray()];
    }

    public static string? Status(JsonElement action) => action.GetProperty("status").GetString();

    public static JsonElement Guard(JsonElement action, string guard) =>
        action.GetProperty("guardResults").EnumerateArray().Single(g => g.GetProperty("guard").GetString() == guard);

    /// <summary>A workflow started when a customer enters a segment, running one action with an end per port.</summary>
    public static object OnSegment(string id, string segment, string action, object input)
    {
        var definition = JsonSerializer.SerializeToNode(TestWorkflows.OneAction(id, "unused", action, input))!;
        definition["trigger"] = JsonSerializer.SerializeToNode(new { type = "segment.entered", segment });
        return definition;
    }

    public static async Task SaveSegmentAsync(HttpClient marketer, string key, string expression, int? minimumSize)
    {
        using var saved = await marketer.PutAsJsonAsync($"/api/segments/{key}", new { name = key, expression, minimumSize });
        Assert.True(saved.IsSuccessStatusCode, $"saving segment {key} answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
    }
}
