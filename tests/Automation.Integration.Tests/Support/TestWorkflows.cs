using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.Support;

/// <summary>Saves and publishes workflow definitions through the API, as a marketer would.</summary>
public static class TestWorkflows
{
    /// <summary>
    /// A workflow started by an event that runs one action and ends on a named end activity per port, so an
    /// instance's path shows which port the action left by.
    /// </summary>
    public static object OneAction(string id, string triggerEvent, string action, object? input = null) => new
    {
        id,
        name = id,
        trigger = new { type = "event", @event = triggerEvent },
        reentry = new { policy = "always" },
        activities = new object[]
        {
            new { id = "act", type = "action", action, input = input ?? new { } },
            new { id = "sent", type = "end" },
            new { id = "gave-up", type = "end" },
            new { id = "blocked", type = "end" },
            new { id = "refused", type = "end" },
        },
        connections = new object[]
        {
            new { from = "act", port = "done", to = "sent" },
            new { from = "act", port = "failed", to = "gave-up" },
            new { from = "act", port = "skipped", to = "blocked" },
            new { from = "act", port = "rejected", to = "refused" },
        },
    };

    public static async Task PublishAsync(HttpClient marketer, object definition)
    {
        ArgumentNullException.ThrowIfNull(marketer);
        using var saved = await marketer.PostAsJsonAsync("/api/workflows", definition);
        var body = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.IsSuccessStatusCode, $"saving the workflow answered {(int)saved.StatusCode}: {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        using var published = await marketer.PostAsync(new Uri($"/api/workflows/{id}/publish", UriKind.Relative), null);
        Assert.True(published.IsSuccessStatusCode, $"publishing answered {(int)published.StatusCode}: {await published.Content.ReadAsStringAsync()}");
    }

    /// <summary>The activities an instance went through with the port each left by, e.g. "act:done", "sent:".</summary>
    public static async Task<IReadOnlyList<string>> PathAsync(HttpClient client, Guid instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        return [.. instance.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("activityId").GetString()}:{(s.TryGetProperty("port", out var port) ? port.GetString() : null)}")];
    }
}
