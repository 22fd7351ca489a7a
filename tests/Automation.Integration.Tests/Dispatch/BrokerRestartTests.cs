using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Dispatch;

/// <summary>The broker goes away in the middle of a run and comes back: every action still arrives, and only once.</summary>
public sealed class BrokerRestartTests
{
    private const int PerBatch = 150;

    [ServiceFact(TestServices.Postgres)]
    public async Task RabbitMq_stopped_and_started_mid_run_loses_nothing_and_sends_nothing_twice()
    {
        await using var broker = await PrivateRabbitMq.StartAsync();
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        var settings = PluginDeliveryTests.ProofSettings(plugins, ledger, failureRate: 0.2, redeliveries: 3);
        settings["Automation:Processing:BatchSize"] = "50";
        settings["Automation:Processing:BacklogBatchSize"] = "50";
        settings["Automation:RabbitMq:Host"] = "127.0.0.1";
        settings["Automation:RabbitMq:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        settings["Automation:RabbitMq:VirtualHost"] = "/";
        settings["Automation:RabbitMq:Username"] = "guest";
        settings["Automation:RabbitMq:Password"] = "guest";
        using var host = AutomationHost.OnRabbitMqAndPostgres(settings);
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("restart", "proof_tick", "proof.flaky"));

        await PostTicksAsync(host, 0);
        var midRun = await Poll.UntilAsync(() => Task.FromResult(ledger.Keys().Count), n => n >= 20, TimeSpan.FromSeconds(60));
        Assert.True(midRun >= 20, $"only {midRun} deliveries before the broker was to stop");

        // Down in the middle of the first batch; the second batch arrives while it is down (events need no broker).
        await broker.StopAsync();
        var whileDown = ledger.Keys().Count;
        await PostTicksAsync(host, PerBatch);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(whileDown < 2 * PerBatch, "everything was delivered before the broker stopped; the test proved nothing");
        await broker.StartAgainAsync();

        var completed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=restart&status=completed&take=1000"),
            a => a.GetArrayLength() == 2 * PerBatch,
            TimeSpan.FromSeconds(120));
        Assert.True(completed.GetArrayLength() == 2 * PerBatch, $"{completed.GetArrayLength()} of {2 * PerBatch} completed; by status: {await PluginDeliveryTests.StatusSummaryAsync(admin, "restart")}");

        await Task.Delay(TimeSpan.FromSeconds(1));
        var delivered = ledger.Keys();
        var twice = delivered.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"delivered more than once: {string.Join(", ", twice.Take(5))}");
        Assert.Equal(2 * PerBatch, delivered.Count);
    }

    private static async Task PostTicksAsync(AutomationHost host, int from)
    {
        var now = DateTime.UtcNow;
        var batch = Enumerable.Range(from, PerBatch).Select(i => new { id = $"tick-{i}", customerId = $"restart-{i:0000}", type = "proof_tick", timestamp = EventToEmailScenario.Iso(now) });
        using var posted = await host.PostEventsAsync(new { events = batch });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }
}
