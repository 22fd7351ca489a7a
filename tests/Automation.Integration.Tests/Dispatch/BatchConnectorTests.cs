using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Dispatch;

/// <summary>A batch connector (the Proof plugin's proof.batch) through the engine, counted where it lands: in the plugin.</summary>
public sealed class BatchConnectorTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task A_connector_failing_half_its_batch_retries_only_the_failed_half_and_fails_only_the_rejected()
    {
        const int Count = 200;
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        using var host = AutomationHost.OnRabbitMqAndPostgres(PluginDeliveryTests.ProofSettings(plugins, ledger, failureRate: 0, redeliveries: 1));
        using var admin = await host.AdminAsync();
        var workflow = $"batch-half-{Guid.NewGuid():N}"[..20];
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(workflow, "proof_batch", "proof.batch"));

        var customers = Enumerable.Range(0, Count).Select(i => $"{workflow}-{i:000}").Concat(Enumerable.Range(0, 4).Select(i => $"{workflow}-{i}-reject")).ToList();
        await PostAsync(host, customers);

        var all = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflow}&take=2000"),
            a => a.EnumerateArray().Count(x => x.GetProperty("status").GetString() is "completed" or "failed") == customers.Count,
            TimeSpan.FromSeconds(120));
        var completed = all.EnumerateArray().Where(a => a.GetProperty("status").GetString() == "completed").ToList();
        Assert.True(completed.Count == Count, $"{completed.Count} of {Count} completed; {await PluginDeliveryTests.StatusSummaryAsync(admin, workflow)}");

        // The rejected ones failed alone, at once, with the connector's reason.
        var failed = all.EnumerateArray().Where(a => a.GetProperty("status").GetString() == "failed").ToList();
        Assert.Equal(4, failed.Count);
        Assert.All(failed, f =>
        {
            Assert.EndsWith("-reject", f.GetProperty("customerId").GetString(), StringComparison.Ordinal);
            Assert.Contains("rejected by the proof connector", f.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, f.GetProperty("attempts").GetInt32());
        });

        // Every action arrived once; the ones that failed on the first try took a second, the others one.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(Count, ledger.Keys().Count);
        Assert.Equal(Count, ledger.Keys().Distinct(StringComparer.Ordinal).Count());
        var retried = completed.Count(a => a.GetProperty("attempts").GetInt32() == 2);
        Assert.All(completed, a => Assert.InRange(a.GetProperty("attempts").GetInt32(), 1, 2));
        Assert.InRange(retried, 1, (customers.Count / 2) + 1);

        // The connector was called with batches, and saw each action once plus only the failed half once more.
        var calls = ledger.CallSizes();
        Assert.Equal(customers.Count + retried, calls.Sum());
        Assert.True(calls.Max() > 1, $"calls of {string.Join(",", calls)}: no batch held more than one action");
        Assert.True(calls.Max() <= 50, $"a call took {calls.Max()} actions; the connector declares at most 50");
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task A_batch_actions_permanent_failure_ends_as_a_single_actions_does_failed_in_the_error_queue_and_on_the_failed_port()
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        using var host = AutomationHost.OnRabbitMqAndPostgres(PluginDeliveryTests.ProofSettings(plugins, ledger, failureRate: 0, redeliveries: 1));
        using var admin = await host.AdminAsync();
        var workflow = $"batch-perm-{Guid.NewGuid():N}"[..20];
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(workflow, "proof_batch", "proof.batch"));
        string[] customers = [$"{workflow}-ok", $"{workflow}-1-reject", $"{workflow}-2-reject"];
        await PostAsync(host, customers);

        var all = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflow}&take=100"),
            a => a.EnumerateArray().Count(x => x.GetProperty("status").GetString() is "completed" or "failed") == customers.Length,
            TimeSpan.FromSeconds(60));
        var failed = all.EnumerateArray().Where(a => a.GetProperty("status").GetString() == "failed").ToList();
        Assert.Equal(2, failed.Count);

        // Where a single action's permanent failure goes (its message in the action queue's _error queue with the
        // connector's reason, listed for an admin to replay or discard), a batch action's goes too.
        var ids = failed.Select(f => f.GetProperty("id").GetGuid()).ToHashSet();
        var parked = await Poll.UntilAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>("/api/error-queues")).EnumerateArray()
                .Where(m => m.TryGetProperty("actionId", out var a) && a.ValueKind == JsonValueKind.String && ids.Contains(a.GetGuid())).ToList(),
            m => m.Count == 2,
            TimeSpan.FromSeconds(20));
        Assert.Equal(2, parked.Count);
        Assert.All(parked, m =>
        {
            Assert.Equal("action-proof.batch", m.GetProperty("queue").GetString());
            Assert.Equal("DispatchAction", m.GetProperty("messageType").GetString());
            Assert.Equal("rejected by the proof connector", m.GetProperty("reason").GetString());
            Assert.EndsWith("PermanentActionFailure", m.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        });

        // The action is failed with the reason, and its instance went on along "failed", as after a single fault.
        foreach (var f in failed)
        {
            Assert.Contains("rejected by the proof connector", f.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Contains("act:failed", await TestWorkflows.PathAsync(admin, f.GetProperty("instanceId").GetGuid()));
        }
    }

    [Fact]
    public async Task A_throttled_connector_is_held_to_its_rate_and_the_queue_shows_its_drain_time_without_losing_an_action()
    {
        const int Count = 120;
        const int PerSecond = 20;
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        var settings = PluginDeliveryTests.ProofSettings(plugins, ledger, failureRate: 0, redeliveries: 1);
        settings["Automation:Dispatch:RateLimits:proof.batch"] = $"{PerSecond}/s";
        using var host = AutomationHost.Embedded(settings);
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("throttled", "proof_batch", "proof.batch"));

        await PostAsync(host, [.. Enumerable.Range(0, Count).Select(i => $"throttled-{i:000}")]);

        // While the queue drains, the operations view shows it, the rate and how long it will take.
        var busy = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/connectors"),
            c => Connector(c, "proof.batch").GetProperty("queued").GetInt32() > PerSecond,
            TimeSpan.FromSeconds(30));
        var view = Connector(busy, "proof.batch");
        Assert.Equal("20 actions/s", view.GetProperty("rateLimit").GetString());
        Assert.Equal(50, view.GetProperty("batchSize").GetInt32());
        Assert.Equal(view.GetProperty("queued").GetInt32() / (double)PerSecond, view.GetProperty("expectedDrainSeconds").GetDouble(), 1);

        await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=throttled&status=completed&take=2000"),
            a => a.GetArrayLength() == Count,
            TimeSpan.FromSeconds(60));
        Assert.Equal(Count, ledger.Keys().Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, ledger.Keys().Count);

        // No second holds more than a full bucket plus one second's refill; the whole run takes what the rate says.
        var handled = ledger.Deliveries().Select(d => d.HandledAt).Order().ToList();
        var calls = ledger.CallSizes().Sum();
        var busiestSecond = handled.Select(t => handled.Count(u => u >= t && u < t.AddSeconds(1))).Max();
        Assert.InRange(busiestSecond, 1, 2 * PerSecond);
        var minimum = TimeSpan.FromSeconds((calls - (2.0 * PerSecond)) / PerSecond);
        Assert.True(handled[^1] - handled[0] >= minimum, $"{calls} actions handed over in {(handled[^1] - handled[0]).TotalSeconds:0.0} s at {PerSecond}/s");
        var drained = Connector(await admin.GetFromJsonAsync<JsonElement>("/api/connectors"), "proof.batch");
        Assert.Equal(0, drained.GetProperty("queued").GetInt32());
    }

    private static JsonElement Connector(JsonElement connectors, string actionType) =>
        connectors.EnumerateArray().Single(c => c.GetProperty("actionType").GetString() == actionType);

    private static async Task PostAsync(AutomationHost host, IReadOnlyList<string> customers)
    {
        var now = DateTime.UtcNow;
        var events = customers.Select(c => new { customerId = c, type = "proof_batch", timestamp = EventToEmailScenario.Iso(now) });
        using var posted = await host.PostEventsAsync(new { events });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }
}
