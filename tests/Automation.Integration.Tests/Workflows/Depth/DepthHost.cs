using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>What the depth tests do through the public API: save and publish a definition, send events, read instances.</summary>
internal static class DepthHost
{
    public static async Task PublishAsync(HttpClient designer, JsonNode definition)
    {
        var id = definition["id"]!.GetValue<string>();
        using var exists = await designer.GetAsync(new Uri($"/api/workflows/{id}", UriKind.Relative));
        using var content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json");
        using (var saved = exists.IsSuccessStatusCode
            ? await designer.PutAsync(new Uri($"/api/workflows/{id}", UriKind.Relative), content)
            : await designer.PostAsync(new Uri("/api/workflows", UriKind.Relative), content))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using var published = await designer.PostAsync(new Uri($"/api/workflows/{id}/publish", UriKind.Relative), null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    public static async Task SendAsync(AutomationHost host, IEnumerable<object> events)
    {
        using var response = await host.PostEventsAsync(new { events = events.ToArray() });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static object Event(string customer, string type, DateTime at, object? properties = null) =>
        properties is null
            ? new { customerId = customer, type, timestamp = Iso(at) }
            : new { customerId = customer, type, timestamp = Iso(at), properties };

    public static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static async Task<List<JsonElement>> InstancesAsync(HttpClient client, string workflowId, int take = 2000) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/instances?take={take}")).EnumerateArray().ToList();

    public static Task<List<JsonElement>> UntilAsync(HttpClient client, string workflowId, Func<List<JsonElement>, bool> done, int seconds = 60) =>
        Poll.UntilAsync(() => InstancesAsync(client, workflowId), done, TimeSpan.FromSeconds(seconds));

    public static async Task<List<(string Activity, string? Port, string Summary)>> StepsAsync(HttpClient client, JsonElement instance)
    {
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetGuid()}");
        return history.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("activityId").GetString()!, s.TryGetProperty("port", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null, s.GetProperty("summary").GetString() ?? ""))
            .ToList();
    }

    public static string Status(JsonElement instance) => instance.GetProperty("status").GetString()!;

    public static string Customer(JsonElement instance) => instance.GetProperty("customerId").GetString()!;
}
