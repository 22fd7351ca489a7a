using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.EndToEnd.EventToEmailScenario;

namespace Automation.Integration.Tests.Profiles;

public sealed class TimelineTests : IDisposable
{
    private readonly AutomationHost host = AutomationHost.Embedded();

    [Fact]
    public async Task A_long_timeline_comes_in_pages_newest_first_with_a_next_link_until_the_end()
    {
        var customer = "pages-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(0, 25).Select(i => new { id = $"{customer}-{i:00}", customerId = customer, type = "page_view", timestamp = Iso(now.AddMinutes(-i)) }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostEventsAsync(new { events })).StatusCode);
        using var client = await host.AdminAsync();

        var profile = await Poll.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/customers/{customer}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("features").GetProperty("totalEvents").GetInt32() == 25,
            TimeSpan.FromSeconds(20));
        var timeline = profile.GetProperty("timeline");
        Assert.Equal(20, timeline.GetProperty("events").GetArrayLength());
        Assert.Equal(25, timeline.GetProperty("totalEvents").GetInt32());
        Assert.Equal($"{customer}-00", timeline.GetProperty("events")[0].GetProperty("id").GetString());

        var seen = new List<string>();
        var pages = 0;
        string? next = $"/api/customers/{customer}/events?take=10";
        while (next is not null)
        {
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<') : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(events.Select(e => e.id), seen);

        // The profile's own next link continues its timeline where its first page stopped.
        var rest = await client.GetFromJsonAsync<JsonElement>(new Uri(timeline.GetProperty("next").GetString()!, UriKind.Relative));
        Assert.Equal(events.Skip(20).Select(e => e.id), rest.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_cursor_that_no_page_handed_out_is_refused_by_name()
    {
        using var client = await host.AdminAsync();
        using var response = await client.GetAsync(new Uri("/api/customers/anyone/events?cursor=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cursor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
