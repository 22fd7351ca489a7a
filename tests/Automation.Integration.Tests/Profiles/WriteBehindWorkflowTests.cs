using System.Globalization;
using System.Net;
using Automation.Integration.Tests.Support;
using Automation.Testing;

namespace Automation.Integration.Tests.Profiles;

/// <summary>
/// Under a backlog the embedded default keeps profiles in memory; the workflows that segment messages start must still
/// see what the same batch told about the customer.
/// </summary>
public sealed class WriteBehindWorkflowTests : IDisposable
{
    private readonly ShiftableClock clock = new();
    private readonly AutomationHost host;

    public WriteBehindWorkflowTests()
    {
        host = AutomationHost.Embedded(
            new Dictionary<string, string?>
            {
                ["Automation:Dispatch:QuietHoursStart"] = "",

                // Small full batches and no flush by time: the profiles stay in memory until the backlog is drained.
                ["Automation:Processing:BatchSize"] = "5",
                ["Automation:Processing:BacklogBatchSize"] = "5",
                ["Automation:Processing:ProfileFlushInterval"] = "01:00:00",
            },
            clock);
    }

    [Fact]
    public async Task A_new_customer_identified_inside_a_backlog_gets_the_welcome_at_the_address_from_that_batch()
    {
        var customer = new SyntheticCustomer(host, clock, "backlog");
        var at = clock.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        List<object> events =
        [
            new { id = $"{customer.Id}-1", customerId = customer.Id, type = "identify", timestamp = at, properties = new { email = customer.Email, name = "Sam Synthetic" } },
            new { id = $"{customer.Id}-2", customerId = customer.Id, type = "purchase", timestamp = at, value = 25m },
            .. Enumerable.Range(0, 3000).Select(i => new { id = $"{customer.Id}-f{i}", customerId = $"filler-{i % 300}", type = "page_view", timestamp = at }),
        ];
        using (var response = await host.PostEventsAsync(new { events }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // More backlog behind it, so that it is not drained before the first email of the process has been rendered
        // and sent (which pays for loading the template renderer): 5 events a batch.
        for (var part = 0; part < 3; part++)
        {
            var more = Enumerable.Range(0, 10_000).Select(i => new { id = $"{customer.Id}-m{part}-{i}", customerId = $"filler-{i % 300}", type = "page_view", timestamp = at }).ToList();
            using var response = await host.PostEventsAsync(new { events = more });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var welcome = await Maildir.WaitForMessageToAsync(customer.Email, TimeSpan.FromSeconds(30));
        Assert.Equal("Welcome, Sam Synthetic", welcome.Subject);

        // The premise: the welcome went out while the backlog (and so the customer's stored row) was still behind.
        using var client = host.ApiClient();
        var metrics = await client.GetStringAsync("/metrics");
        var unprocessed = PrometheusText.Count(metrics, "automation_events_unprocessed");
        Assert.True(unprocessed > 0, "the backlog was drained before the welcome: the test no longer shows write-behind");
    }

    public void Dispose() => host.Dispose();
}
