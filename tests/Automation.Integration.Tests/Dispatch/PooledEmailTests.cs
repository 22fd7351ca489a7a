using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Dispatch;

/// <summary>The email connector's batches over one pooled SMTP session, counted where they land: the SMTP sink.</summary>
public sealed class PooledEmailTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Sixty_emails_go_out_over_a_few_reused_smtp_connections_and_reach_the_sink_exactly_once_each()
    {
        const int Count = 60;
        var (smtpHost, smtpPort) = TestServices.SmtpEndpoint();
        await using var proxy = TcpProxy.Start(smtpHost, smtpPort);
        using var host = AutomationHost.Embedded(new Dictionary<string, string?>
        {
            ["Automation:Plugins:Email:Smtp:Host"] = "127.0.0.1",
            ["Automation:Plugins:Email:Smtp:Port"] = proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Automation:Plugins:Email:Smtp:Security"] = "None",
            ["Automation:Dispatch:QuietHoursStart"] = "",
        });
        using var admin = await host.AdminAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction($"pooled-{run}", $"pooled_{run}", "email.send", new { template = "welcome" }));

        var now = DateTime.UtcNow;
        var customers = Enumerable.Range(0, Count).Select(i => $"pooled-{run}-{i:00}").ToList();
        var events = customers.SelectMany(c => new object[]
        {
            new { customerId = c, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-1)), properties = new { email = $"{c}@example.test", name = "Pat Pool" } },
            new { customerId = c, type = $"pooled_{run}", timestamp = EventToEmailScenario.Iso(now) },
        });
        using (var posted = await host.PostEventsAsync(new { events }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var completed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId=pooled-{run}&status=completed&take=500"),
            a => a.GetArrayLength() == Count,
            TimeSpan.FromSeconds(90));
        Assert.True(completed.GetArrayLength() == Count, await PluginDeliveryTests.StatusSummaryAsync(admin, $"pooled-{run}"));

        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = Maildir.MessagesToAny(to => to.StartsWith($"pooled-{run}-", StringComparison.Ordinal));
        Assert.Equal(Count, received.Count);
        Assert.Equal(customers.Select(c => $"{c}@example.test").Order(StringComparer.Ordinal), received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(Count, received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        // Batches share the pooled session: far fewer connections than messages.
        Assert.InRange(proxy.Accepted, 1, Count / 4);
    }
}
