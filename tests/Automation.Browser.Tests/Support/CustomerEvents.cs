using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Browser.Tests.Support;

/// <summary>Behavioural events as a shop would send them, over POST /api/events with the API key.</summary>
public static class CustomerEvents
{
    /// <summary>A fresh customer id, so reruns against a shared SMTP sink never mix customers up.</summary>
    public static string NewCustomerId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    /// <summary>The customer says who they are and looks at the pricing page, all within the last hour.</summary>
    public static async Task PricingVisitorAsync(HttpClient api, string customerId, string name, int pricingViews)
    {
        ArgumentNullException.ThrowIfNull(api);
        var now = DateTime.UtcNow;
        var events = new List<object>
        {
            new { id = $"{customerId}-identify", customerId, type = "identify", timestamp = Iso(now.AddMinutes(-50)), properties = new { email = $"{customerId}@example.test", name } },
        };
        for (var i = 0; i < pricingViews; i++)
        {
            events.Add(new { id = $"{customerId}-pricing-{i}", customerId, type = "pricing_view", timestamp = Iso(now.AddMinutes(-40 + (i * 10))), properties = new { plan = "pro" } });
        }

        using var response = await api.PostAsJsonAsync("/api/events", new { events });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary><paramref name="count"/> page views within the last hour (one event for each).</summary>
    public static async Task PageViewsAsync(HttpClient api, string customerId, int count)
    {
        ArgumentNullException.ThrowIfNull(api);
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(0, count).Select(i => new { id = $"{customerId}-view-{Guid.NewGuid():N}", customerId, type = "page_view", timestamp = Iso(now.AddMinutes(-30 + i)) });
        using var response = await api.PostAsJsonAsync("/api/events", new { events });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the customer's profile holds <paramref name="total"/> events; their profile then.</summary>
    public static async Task<JsonElement> ProcessedAsync(ApiSession reader, string customerId, int total)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var profile = await Poll.UntilAsync(() => reader.FindAsync($"/api/customers/{customerId}"), p => TotalEvents(p) == total, TimeSpan.FromSeconds(20));
        Assert.True(TotalEvents(profile) == total, $"customer {customerId} did not reach {total} processed events within 20 s");
        return profile!.Value;
    }

    private static int TotalEvents(JsonElement? profile) =>
        profile is { } p ? p.GetProperty("timeline").GetProperty("totalEvents").GetInt32() : -1;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
