using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.EndToEnd.EventToEmailScenario;

namespace Automation.Integration.Tests.Profiles;

public sealed class OutOfOrderTests : IDisposable
{
    private readonly AutomationHost host = AutomationHost.Embedded();

    [Fact]
    public async Task A_late_mobile_batch_ends_in_the_same_profile_as_the_same_events_in_order()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow;
        var web = Batch(now, web: true);
        var mobile = Batch(now, web: false);
        using var client = await host.AdminAsync();

        // In order: one customer's events all arrive together.
        await PostAsync(run, "in-order", [.. web, .. mobile]);
        // Out of order: the web events first; the phone's batch, older events among them (some from 40 days ago,
        // before the sessions kept in the profile), arrives after the profile was already updated.
        await PostAsync(run, "late", web);
        await WaitProcessedAsync(client, $"{run}-late", web.Count);
        await PostAsync(run, "late", mobile);

        var expected = await WaitProcessedAsync(client, $"{run}-in-order", web.Count + mobile.Count);
        var actual = await WaitProcessedAsync(client, $"{run}-late", web.Count + mobile.Count);
        foreach (var field in new[] { "email", "name", "phone", "timeZone", "firstSeen", "lastSeen" })
        {
            Assert.Equal(expected.TryGetProperty(field, out var e) ? e.ToString() : null, actual.TryGetProperty(field, out var a) ? a.ToString() : null);
        }

        foreach (var feature in expected.GetProperty("features").EnumerateObject().Where(f => f.Name != "customerId"))
        {
            Assert.True(
                feature.Value.ToString() == actual.GetProperty("features").GetProperty(feature.Name).ToString(),
                $"{feature.Name}: in order {feature.Value}, late batch {actual.GetProperty("features").GetProperty(feature.Name)}");
        }

        Assert.Equal(
            expected.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString()).Order(StringComparer.Ordinal),
            actual.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
        // And that common profile is the chronological one: six visits, the newest email, the name only the phone knew.
        Assert.Equal(6, actual.GetProperty("features").GetProperty("sessions").GetInt32());
        Assert.Equal("newer@example.test", actual.GetProperty("email").GetString());
        Assert.Equal("Mo Bile", actual.GetProperty("name").GetString());
        // The web cart was bought a day later (abandoned first); the phone's cart half an hour ago is still in its window.
        Assert.Equal(1, actual.GetProperty("features").GetProperty("abandonedCarts").GetInt32());
    }

    public void Dispose() => host.Dispose();

    private async Task PostAsync(string run, string customer, List<Dictionary<string, object>> events)
    {
        var batch = events.Select(e => new Dictionary<string, object>(e) { ["id"] = $"{run}-{customer}-{e["id"]}", ["customerId"] = $"{run}-{customer}" });
        var response = await host.PostEventsAsync(new { events = batch });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<JsonElement> WaitProcessedAsync(HttpClient client, string customer, int events) =>
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/customers/{customer}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("features").GetProperty("totalEvents").GetInt32() == events,
            TimeSpan.FromSeconds(20));

    /// <summary>Web: recent browsing and a purchase. Mobile: pricing views and an identify in between them, and a visit 40 days ago.</summary>
    private static List<Dictionary<string, object>> Batch(DateTime now, bool web)
    {
        var list = new List<Dictionary<string, object>>();
        void Add(string type, DateTime at, object? value = null, object? properties = null)
        {
            var e = new Dictionary<string, object> { ["id"] = $"{(web ? "w" : "m")}{list.Count}", ["type"] = type, ["timestamp"] = Iso(at) };
            if (value is not null)
            {
                e["value"] = value;
            }

            if (properties is not null)
            {
                e["properties"] = properties;
            }

            list.Add(e);
        }

        if (web)
        {
            Add("page_view", now.AddDays(-41));
            Add("page_view", now.AddDays(-2));
            Add("add_to_cart", now.AddDays(-2).AddMinutes(5));
            Add("identify", now.AddDays(-2).AddMinutes(6), properties: new { email = "newer@example.test" });
            Add("purchase", now.AddDays(-1), value: 120);
            Add("page_view", now.AddHours(-1));
        }
        else
        {
            Add("page_view", now.AddDays(-41).AddMinutes(10));
            Add("pricing_view", now.AddDays(-2).AddMinutes(20));
            Add("identify", now.AddDays(-3), properties: new { email = "older@example.test", name = "Mo Bile" });
            Add("pricing_view", now.AddDays(-1).AddMinutes(-20));
            Add("add_to_cart", now.AddMinutes(-30), properties: new { sku = "X1" });
            Add("email_open", now.AddDays(-5));
        }

        return list;
    }
}
