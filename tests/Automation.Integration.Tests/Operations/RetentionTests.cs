using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Events.Retention;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Operations;

public sealed class RetentionTests
{
    [Fact]
    public async Task Processed_events_past_retention_are_deleted_while_ingestion_goes_on_and_profiles_stay_as_they_were()
    {
        var clock = new ShiftableClock();
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:Retention:EventDays"] = "400", ["Automation:Retention:BatchSize"] = "7" }, clock);
        var run = Guid.NewGuid().ToString("N")[..8];
        var old = $"{run}-old";
        await PostAsync(host, old, 20, clock.UtcNow);
        using (var first = await host.AdminAsync())
        {
            await ProfileAsync(first, old, 20);
        }

        clock.Advance(TimeSpan.FromDays(401));
        using var admin = await host.AdminAsync(); // the first session ended with the year that passed
        var recent = $"{run}-recent";
        await PostAsync(host, recent, 5, clock.UtcNow);
        await ProfileAsync(admin, recent, 5);
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{old}");

        // Compaction and a new batch at once: neither waits for the other to finish.
        var retention = host.Services.GetRequiredService<EventRetention>();
        var compaction = retention.CompactAsync(CancellationToken.None);
        await PostAsync(host, $"{run}-during", 5, clock.UtcNow);
        var deleted = await compaction;

        Assert.Equal(20, deleted);
        Assert.Equal(0, (await EventsAsync(admin, old)).GetArrayLength());
        Assert.Equal(5, (await EventsAsync(admin, recent)).GetArrayLength());
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{old}");
        Assert.Equal(before.GetProperty("features").ToString(), after.GetProperty("features").ToString());
        await ProfileAsync(admin, $"{run}-during", 5);
        Assert.Equal(0, await retention.CompactAsync(CancellationToken.None));
    }

    private static async Task PostAsync(AutomationHost host, string customer, int count, DateTime now)
    {
        var events = Enumerable.Range(0, count).Select(i => new { customerId = customer, type = "page_view", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-count + i)) });
        using var response = await host.PostEventsAsync(new { events });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<JsonElement> ProfileAsync(HttpClient admin, string customer, int events) =>
        Poll.UntilAsync(
            async () =>
            {
                using var response = await admin.GetAsync(new Uri($"/api/customers/{customer}", UriKind.Relative));
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("features").GetProperty("totalEvents").GetInt32() == events,
            TimeSpan.FromSeconds(30));

    private static async Task<JsonElement> EventsAsync(HttpClient admin, string customer) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/events");
}
