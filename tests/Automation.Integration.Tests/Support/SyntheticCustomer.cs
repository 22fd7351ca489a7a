using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.Support;

/// <summary>A made-up customer with an email address whose events are posted through the API, timed by the host's clock.</summary>
public sealed class SyntheticCustomer(AutomationHost host, ShiftableClock clock, string prefix)
{
    private int sequence;

    public string Id { get; } = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    public string Email => $"{Id}@example.test";

    /// <summary>Posts events (type, how long ago, value) and checks they were all accepted.</summary>
    public async Task DoesAsync(params (string Type, TimeSpan Ago, decimal? Value)[] events)
    {
        var batch = events.Select(e => new
        {
            id = $"{Id}-{Interlocked.Increment(ref sequence)}",
            customerId = Id,
            type = e.Type,
            timestamp = (clock.UtcNow - e.Ago).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            value = e.Value,
            properties = e.Type == "identify" ? new { email = Email, name = "Sam Synthetic" } : null,
        }).ToList();
        using var response = await host.PostEventsAsync(new { events = batch });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public Task DoesAsync(string type, decimal? value = null) => DoesAsync((type, TimeSpan.Zero, value));

    /// <summary>This customer's instance of a workflow, once it satisfies the condition (the last answer otherwise).</summary>
    public async Task<JsonElement?> InstanceAsync(string workflowId, Func<JsonElement, bool> until, TimeSpan? timeout = null)
    {
        using var client = await host.AdminAsync();
        return await Poll.UntilAsync(
            async () =>
            {
                var all = await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/instances");
                return all.EnumerateArray().Where(i => i.GetProperty("customerId").GetString() == Id).Select(i => (JsonElement?)i).FirstOrDefault();
            },
            i => i is { } found && until(found),
            timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until the instance waits at the activity (or has left it), then returns it.</summary>
    public async Task<JsonElement> WaitingAtAsync(string workflowId, string activityId)
    {
        var instance = await InstanceAsync(workflowId, i => Status(i) == "waiting" && i.GetProperty("currentActivityId").GetString() == activityId);
        Assert.True(instance is { } i && Status(i) == "waiting" && i.GetProperty("currentActivityId").GetString() == activityId, $"{Id} is not waiting at {workflowId}/{activityId}: {instance}");
        return instance!.Value;
    }

    public async Task<JsonElement> CompletedAsync(string workflowId)
    {
        var instance = await InstanceAsync(workflowId, i => Status(i) == "completed");
        Assert.True(instance is { } i && Status(i) == "completed", $"{Id}'s {workflowId} instance did not complete: {instance}");
        return instance!.Value;
    }

    /// <summary>The path the instance took: (activity, port) per journaled step.</summary>
    public async Task<IReadOnlyList<(string Activity, string? Port)>> StepsAsync(JsonElement instance)
    {
        using var client = await host.AdminAsync();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetString()}");
        return detail.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("activityId").GetString()!, s.TryGetProperty("port", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null))
            .ToList();
    }

    public async Task<IReadOnlyList<JsonElement>> ActionsAsync()
    {
        using var client = await host.AdminAsync();
        var actions = await client.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={Id}");
        return actions.EnumerateArray().ToList();
    }

    public static string Status(JsonElement instance) => instance.GetProperty("status").ToString().ToLowerInvariant();
}
