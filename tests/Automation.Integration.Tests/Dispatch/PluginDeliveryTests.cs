using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Dispatch;

/// <summary>Actions through connector plugins on RabbitMQ + PostgreSQL, counted where they land: in the plugin.</summary>
public sealed class PluginDeliveryTests
{
    private const int Count = 1000;

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task Thousand_actions_through_a_plugin_failing_30_percent_of_the_time_are_each_delivered_exactly_once()
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        var settings = ProofSettings(plugins, ledger, failureRate: 0.3, redeliveries: 3);
        // Many small processing transactions instead of one of 1,000 workflow starts: dispatches start flowing at once.
        settings["Automation:Processing:BatchSize"] = "100";
        settings["Automation:Processing:BacklogBatchSize"] = "100";
        using var host = AutomationHost.OnRabbitMqAndPostgres(settings);
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("flaky-1000", "proof_tick", "proof.flaky"));

        // One batch of 1,000 events, each starting an instance whose action is dispatched to the flaky plugin.
        var now = DateTime.UtcNow;
        var batch = Enumerable.Range(0, Count).Select(i => new { id = $"tick-{i}", customerId = $"flaky-{i:0000}", type = "proof_tick", timestamp = EventToEmailScenario.Iso(now) });
        using (var posted = await host.PostEventsAsync(new { events = batch }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var completed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=flaky-1000&status=completed&take=2000"),
            a => a.GetArrayLength() == Count,
            TimeSpan.FromSeconds(150));
        Assert.True(completed.GetArrayLength() == Count, $"{completed.GetArrayLength()} of {Count} actions completed; all by status: {await StatusSummaryAsync(admin, "flaky-1000")}");

        // Give any stray duplicate time to land before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var delivered = ledger.Keys();
        Assert.Equal(Count, delivered.Count);
        Assert.Equal(Count, delivered.Distinct(StringComparer.Ordinal).Count());

        // The plugin really did fail transiently: about 30 % of the actions needed more than one attempt.
        var retried = completed.EnumerateArray().Count(a => a.GetProperty("attempts").GetInt32() > 1);
        Assert.InRange(retried, Count * 15 / 100, Count * 45 / 100);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=flaky-1000&take=2000");
        Assert.Equal(Count, all.GetArrayLength());
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task A_plugin_that_always_throws_ends_in_the_error_queue_as_failed_while_email_keeps_working_and_an_admin_can_retry_it()
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        var repaired = Path.Combine(plugins.Scratch, "repaired");
        using var host = AutomationHost.OnRabbitMqAndPostgres(ProofSettings(plugins, ledger, failureRate: 0, redeliveries: 1, repairedMarker: repaired));
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("broken", "proof_break", "proof.broken"));
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("welcome", "proof_mail", "email.send", new { template = "welcome" }));

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (victim, reader) = ($"broken-{suffix}", $"reader-{suffix}");
        var email = $"{reader}@example.test";
        var now = DateTime.UtcNow;
        using (var posted = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = victim, type = "proof_break", timestamp = EventToEmailScenario.Iso(now) },
                new { customerId = reader, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-1)), properties = new { email, name = "Rita Reader" } },
                new { customerId = reader, type = "proof_mail", timestamp = EventToEmailScenario.Iso(now) },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        // The other plugin keeps working while the broken one fails.
        var mail = await Maildir.WaitForMessageToAsync(email, TimeSpan.FromSeconds(30));
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);

        var failed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={victim}"),
            a => a.GetArrayLength() == 1 && a[0].GetProperty("status").GetString() == "failed",
            TimeSpan.FromSeconds(30));
        var action = Assert.Single(failed.EnumerateArray());
        Assert.Equal("failed", action.GetProperty("status").GetString());
        Assert.Contains("the proof connector is broken", action.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        // Six attempts per delivery (the first and five quick retries), and one delayed redelivery: twelve in all.
        Assert.Equal(12, action.GetProperty("attempts").GetInt32());
        Assert.Equal(1u, await BrokerQueues.MessageCountAsync(host.RabbitMqAddress!, "action-proof.broken_error"));
        var instance = action.GetProperty("instanceId").GetGuid();
        Assert.Equal(["trigger:done", "act:", "act:failed", "gave-up:"], await TestWorkflows.PathAsync(admin, instance));

        var mailAction = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={reader}")).EnumerateArray());
        Assert.Equal("completed", mailAction.GetProperty("status").GetString());

        // Only an admin retries; once the connector is repaired the retry carries the action out, once.
        var id = action.GetProperty("id").GetGuid();
        using (var integrator = host.ApiClient())
        using (var refused = await integrator.PostAsync(new Uri($"/api/actions/{id}/retry", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Empty(ledger.Keys());
        await File.WriteAllTextAsync(repaired, "fixed");
        using (var retried = await admin.PostAsync(new Uri($"/api/actions/{id}/retry", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        }

        var done = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={victim}"),
            a => a[0].GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(20));
        Assert.Equal("completed", done[0].GetProperty("status").GetString());
        Assert.Single(ledger.Keys());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "action.retried" && e.GetProperty("subject").GetString() == $"action/{id}");
    }

    internal static async Task<string> StatusSummaryAsync(HttpClient client, string workflowId)
    {
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflowId}&take=2000");
        var byStatus = all.EnumerateArray().GroupBy(a => a.GetProperty("status").GetString()).Select(g => $"{g.Key} {g.Count()}");
        var errors = all.EnumerateArray().Select(a => a.TryGetProperty("lastError", out var e) ? e.GetString() : null).Where(e => e is not null).Distinct().Take(3);
        return $"{string.Join(", ", byStatus)}; errors: {string.Join(" | ", errors)}";
    }

    internal static Dictionary<string, string?> ProofSettings(PluginsFolder plugins, ProofLedger ledger, double failureRate, int redeliveries, string? repairedMarker = null) => new()
    {
        ["Automation:PluginsPath"] = plugins.Path,
        ["Automation:Plugins:Proof:LedgerPath"] = ledger.Path,
        ["Automation:Plugins:Proof:FailureRate"] = failureRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Automation:Plugins:Proof:RepairedMarkerPath"] = repairedMarker ?? "",
        // Empty: no quiet hours, so nothing waits for a customer's morning.
        ["Automation:Dispatch:QuietHoursStart"] = "",
        ["Automation:Dispatch:RetryMinInterval"] = "00:00:00.020",
        ["Automation:Dispatch:RetryMaxInterval"] = "00:00:00.200",
        ["Automation:Dispatch:Redeliveries"] = redeliveries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Automation:Dispatch:RedeliveryInterval"] = "00:00:01",
    };
}
