using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.Events;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Events_accepted_with_202_survive_the_host_being_killed_right_after()
    {
        var host = await HostProcess.StartAsync(requireDesigner: false);
        await using var first = host;
        var run = Guid.NewGuid().ToString("N")[..8];
        var accepted = 0;
        using (var client = host.ApiClient())
        {
            for (var batch = 0; batch < 5; batch++)
            {
                var events = Enumerable.Range(0, 1000).Select(i => new
                {
                    id = $"{run}-{batch}-{i}",
                    customerId = $"{run}-c{i % 50}",
                    type = i % 10 == 0 ? "purchase" : "page_view",
                    timestamp = DateTime.UtcNow.AddMinutes(-i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    value = i % 10 == 0 ? 25 : (int?)null,
                });
                using var response = await client.PostAsJsonAsync("/api/events", new { events });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                accepted += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32();
            }
        }

        await host.KillAsync(); // no graceful shutdown: whatever was only in memory is gone now

        await using var second = await HostProcess.StartAsync(host.Folder, requireDesigner: false);
        using var after = await second.AdminClientAsync();
        var metrics = await Poll.UntilAsync(
            () => after.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            m => PrometheusText.Value(m, "automation_events_unprocessed") == 0,
            TimeSpan.FromSeconds(60));

        Assert.Equal(5000, accepted);
        Assert.Equal(0, PrometheusText.Count(metrics, "automation_events_unprocessed"));

        // Every accepted event is in its customer's profile: 50 customers of 100 events each.
        var stored = 0;
        for (var c = 0; c < 50; c++)
        {
            var customer = await after.GetFromJsonAsync<JsonElement>($"/api/customers/{run}-c{c}");
            stored += customer.GetProperty("features").GetProperty("totalEvents").GetInt32();
        }

        Assert.Equal(5000, stored);
    }
}
