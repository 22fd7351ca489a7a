using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.EndToEnd.EventToEmailScenario;

namespace Automation.Integration.Tests.Profiles;

public sealed class AbandonedCartTests
{
    [Fact]
    public async Task A_cart_left_past_the_abandonment_window_counts_as_abandoned_and_one_bought_in_time_does_not()
    {
        var clock = new ShiftableClock();
        using var host = AutomationHost.Embedded(clock: clock);
        using var client = await host.AdminAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = clock.UtcNow;
        using (var posted = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = $"{run}-leaves", type = "add_to_cart", timestamp = Iso(now.AddMinutes(-10)) },
                new { customerId = $"{run}-leaves", type = "checkout_started", timestamp = Iso(now.AddMinutes(-5)) },
                new { customerId = $"{run}-buys", type = "add_to_cart", timestamp = Iso(now.AddMinutes(-10)) },
                new { customerId = $"{run}-buys", type = "purchase", timestamp = Iso(now.AddMinutes(-2)), value = 30 },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        // Within the hour nothing is abandoned yet.
        Assert.Equal(0, await AbandonedAsync(client, $"{run}-leaves", events: 2));
        Assert.Equal(0, await AbandonedAsync(client, $"{run}-buys", events: 2));

        // Two hours later the cart (an add and a checkout five minutes apart: one episode) counts once.
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await AbandonedAsync(client, $"{run}-leaves", events: 2));
        Assert.Equal(0, await AbandonedAsync(client, $"{run}-buys", events: 2));
    }

    private static async Task<int> AbandonedAsync(HttpClient client, string customer, int events)
    {
        var profile = await Poll.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/customers/{customer}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("features").GetProperty("totalEvents").GetInt32() == events,
            TimeSpan.FromSeconds(20));
        return profile.GetProperty("features").GetProperty("abandonedCarts").GetInt32();
    }
}
