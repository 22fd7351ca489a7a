using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Workflows;

/// <summary>Publishing a segment workflow with or without starting it for the customers already in the segment.</summary>
public sealed class PublishForCurrentMembersTests : IDisposable
{
    private readonly ShiftableClock clock = new();
    private readonly AutomationHost host;

    public PublishForCurrentMembersTests() => host = AutomationHost.Embedded(clock: clock);

    [Fact]
    public async Task Publishing_with_start_for_current_members_starts_one_instance_per_member_and_without_it_none()
    {
        for (var i = 0; i < 3; i++)
        {
            await new SyntheticCustomer(host, clock, "pubmember").DoesAsync(("identify", TimeSpan.FromHours(2), null), ("pricing_view", TimeSpan.FromHours(1), null));
        }

        await new SyntheticCustomer(host, clock, "pubaway").DoesAsync("identify");
        using var designer = await host.AdminAsync();
        await Poll.UntilAsync(() => designer.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));
        using (var saved = await designer.PutAsJsonAsync("/api/segments/pub-pricing", new { name = "Pricing visitors", expression = "Features.PricingViews30d >= 1" }))
        {
            Assert.True(saved.IsSuccessStatusCode);
        }

        await Poll.UntilAsync(() => designer.GetFromJsonAsync<JsonElement>("/api/segments/pub-pricing/members"), m => m.GetProperty("total").GetInt32() == 3, TimeSpan.FromSeconds(30));
        // Their segment-entered messages must be handled (starting nothing: no workflow listens yet) before publishing,
        // or they would start the workflows themselves, the ordinary way.
        await Poll.UntilAsync(() => designer.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_outbox_depth") == 0, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await SaveAsync(designer, "pub-later");
        await SaveAsync(designer, "pub-now");

        using var later = await designer.PostAsync(new Uri("/api/workflows/pub-later/publish", UriKind.Relative), null);
        using var now = await designer.PostAsJsonAsync("/api/workflows/pub-now/publish", new { startCurrentMembers = true });

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(0, (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("startedForCurrentMembers").GetInt32());
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal(3, (await now.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("startedForCurrentMembers").GetInt32());
        var started = await designer.GetFromJsonAsync<JsonElement>("/api/workflows/pub-now/instances");
        Assert.Equal(3, started.GetArrayLength());
        Assert.All(started.EnumerateArray(), i => Assert.StartsWith("pubmember", i.GetProperty("customerId").GetString(), StringComparison.Ordinal));
        Assert.Empty((await designer.GetFromJsonAsync<JsonElement>("/api/workflows/pub-later/instances")).EnumerateArray());
    }

    [Fact]
    public async Task Start_for_current_members_is_refused_for_an_event_trigger_and_nothing_is_published()
    {
        using var designer = await host.AdminAsync();
        var definition = new
        {
            id = "pub-event",
            name = "Pub: event",
            trigger = new { type = "event", @event = "pub_go" },
            activities = new object[] { new { id = "pause", type = "waitForDuration", duration = "P1D" } },
            connections = Array.Empty<object>(),
        };
        using (var saved = await designer.PostAsJsonAsync("/api/workflows", definition))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        using var response = await designer.PostAsJsonAsync("/api/workflows/pub-event/publish", new { startCurrentMembers = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("startCurrentMembers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var workflow = await designer.GetFromJsonAsync<JsonElement>("/api/workflows/pub-event");
        Assert.True(!workflow.TryGetProperty("publishedVersion", out var published) || published.ValueKind == JsonValueKind.Null);
    }

    public void Dispose() => host.Dispose();

    private static async Task SaveAsync(HttpClient designer, string id)
    {
        var definition = new
        {
            id,
            name = $"Pub: {id}",
            trigger = new { type = "segment.entered", segment = "pub-pricing" },
            activities = new object[] { new { id = "pause", type = "waitForDuration", duration = "P1D" } },
            connections = Array.Empty<object>(),
        };
        using var saved = await designer.PostAsJsonAsync("/api/workflows", definition);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
