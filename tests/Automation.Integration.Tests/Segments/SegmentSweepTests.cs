using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Segments;

public sealed class SegmentSweepTests
{
    [Fact]
    public async Task A_cart_left_past_the_abandonment_window_moves_its_customer_without_another_event()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?>
        {
            ["Automation:Processing:CartAbandonmentWindow"] = "00:00:03",
            ["Automation:Processing:SegmentSweepInterval"] = "00:00:01",
        });
        using var client = await host.AdminAsync();
        var customer = "sweep-" + Guid.NewGuid().ToString("N")[..10];

        var response = await host.PostEventsAsync(new { events = new[] { new { customerId = customer, type = "add_to_cart", timestamp = EventToEmailScenario.Iso(DateTime.UtcNow), properties = new { sku = "mug" } } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var first = await Poll.UntilAsync(() => ProfileAsync(client, customer), p => p.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(Segments(first), s => s == "cart-abandoners");
        var later = await Poll.UntilAsync(
            () => ProfileAsync(client, customer),
            p => Segments(p).Contains("cart-abandoners"),
            TimeSpan.FromSeconds(20));
        Assert.Contains("cart-abandoners", Segments(later));
    }

    [Fact]
    public async Task A_new_segment_is_backfilled_over_existing_customers_with_progress()
    {
        using var host = AutomationHost.Embedded();
        var prefix = "fill-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(0, 30).Select(i => new { customerId = $"{prefix}-{i:00}", type = i % 3 == 0 ? "support_ticket" : "page_view", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-i)) }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostEventsAsync(new { events })).StatusCode);
        using var reader = await host.AdminAsync();
        await Poll.UntilAsync(() => ProfileAsync(reader, $"{prefix}-29"), p => p.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(10));

        using var client = await host.AdminAsync();
        var saved = await client.PutAsJsonAsync("/api/segments/needs-help", new { name = "Needs help", expression = "Features.SupportTickets30d >= 1" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();

        var progress = await Poll.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>(body.GetProperty("backfill").GetString()!),
            p => p.GetProperty("status").GetString() is "done" or "failed",
            TimeSpan.FromSeconds(20));
        Assert.Equal("done", progress.GetProperty("status").GetString());
        Assert.Equal(30, progress.GetProperty("processed").GetInt32());
        Assert.Equal(10, progress.GetProperty("entered").GetInt32());
        Assert.Equal(100, progress.GetProperty("percent").GetDouble());
        var members = await client.GetFromJsonAsync<JsonElement>("/api/segments/needs-help/members");
        Assert.Equal(10, members.GetProperty("total").GetInt32());
    }

    /// <summary>The profile, or an undefined element while the event processor has not made it yet.</summary>
    private static async Task<JsonElement> ProfileAsync(HttpClient client, string customer)
    {
        var response = await client.GetAsync($"/api/customers/{customer}");
        return response.StatusCode == HttpStatusCode.NotFound ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Segments(JsonElement profile) =>
        profile.ValueKind != JsonValueKind.Object ? [] : profile.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToList();
}
