using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Dispatch;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;
using Npgsql;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// The finding: PostgreSQL away for 20 s with hundreds of emails in flight lost 20 of them for good. Here the host
/// reaches its database through a proxy that is cut for longer than the old ~10 s of retries, with the default
/// outage budget: every email still goes out, once, and every action ends completed.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const int Customers = 100;

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task Emails_in_flight_while_the_database_is_unreachable_for_15_seconds_are_all_delivered_once()
    {
        using var backends = BrokerAndDatabase.Create();
        var direct = new NpgsqlConnectionStringBuilder(backends.ConnectionString);
        await using var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(backends.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        using var host = AutomationHost.OnRabbitMqAndPostgres(backends, new Dictionary<string, string?>
        {
            ["Automation:PostgresConnectionString"] = viaProxy.ConnectionString,
            ["Automation:Dispatch:QuietHoursStart"] = "",
        });
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("outage-mail", "outage_go", "email.send", new { template = "welcome" }));

        var suffix = Guid.NewGuid().ToString("N")[..8];
        bool Ours(string address) => address.StartsWith($"outage-{suffix}-", StringComparison.Ordinal);
        // Read incrementally (the shared sink holds thousands of other tests' mails); the first read parses them once, here.
        var sink = new SinkMailbox($"outage-{suffix}-");
        Assert.Equal(0, sink.Count());
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(0, Customers).SelectMany(i => new object[]
        {
            new { customerId = $"outage-{suffix}-{i:000}", type = "identify", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-1)), properties = new { email = $"outage-{suffix}-{i:000}@example.test" } },
            new { customerId = $"outage-{suffix}-{i:000}", type = "outage_go", timestamp = EventToEmailScenario.Iso(now) },
        });
        using (var posted = await host.PostEventsAsync(new { events }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        // Cut while the emails are going out.
        var before = await Poll.UntilAsync(() => Task.FromResult(sink.Count()), n => n >= 5, TimeSpan.FromSeconds(60));
        proxy.Cut();
        var atCut = sink.Count();
        await Task.Delay(TimeSpan.FromSeconds(15));
        var duringOutage = sink.Count();
        proxy.Restore();
        Assert.True(before >= 5 && atCut < Customers, $"{atCut} of {Customers} emails had gone out when the database went away; the test proved nothing");

        var completed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId=outage-mail&status=completed&take={Customers}"),
            a => a.GetArrayLength() == Customers,
            TimeSpan.FromSeconds(60));
        Assert.True(completed.GetArrayLength() == Customers, $"{completed.GetArrayLength()} of {Customers} completed after the outage ({atCut} sent at the cut, {duringOutage} when it ended); by status: {await PluginDeliveryTests.StatusSummaryAsync(admin, "outage-mail")}");

        await Task.Delay(TimeSpan.FromSeconds(1));
        var mails = Maildir.MessagesToAny(Ours);
        var perRecipient = mails.GroupBy(m => m.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(Customers, perRecipient.Count);
        Assert.True(perRecipient.All(g => g.Count() == 1), $"sent twice: {string.Join(", ", perRecipient.Where(g => g.Count() > 1).Select(g => g.Key).Take(5))}");
        Assert.Equal(0u, await BrokerQueues.MessageCountOrZeroAsync(host.RabbitMqAddress!, "action-email.send_error"));
        Assert.Equal(0u, await BrokerQueues.MessageCountOrZeroAsync(host.RabbitMqAddress!, "action-outcome_error"));
    }
}
