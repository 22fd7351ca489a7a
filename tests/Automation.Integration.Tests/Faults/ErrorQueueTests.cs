using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Dispatch;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Faults;

/// <summary>Messages consumers gave up on are visible with their reason, and an admin replays or discards them.</summary>
public sealed class ErrorQueueTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task A_lost_outcome_is_listed_in_the_error_queue_with_its_reason_and_replayed_to_delivered()
    {
        // A long grace: the action stays dispatched, so only the replay can settle it.
        using var scenario = LostOutcomes.Start(new() { ["Automation:Dispatch:OutcomeGrace"] = "00:10:00" });
        using var admin = await scenario.Host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string[] customers = [$"replay-{suffix}", $"discard-{suffix}"];
        var ids = await scenario.LoseOutcomesAsync(admin, "parked", "email.send", new { template = "welcome" }, customers);

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/error-queues");
        var parked = listed.EnumerateArray().Where(m => m.TryGetProperty("actionId", out var a) && a.ValueKind == JsonValueKind.String && ids.Contains(a.GetGuid())).ToList();
        Assert.Equal(2, parked.Count);
        Assert.All(parked, m =>
        {
            Assert.Equal("action-outcome", m.GetProperty("queue").GetString());
            Assert.Equal("ActionCompleted", m.GetProperty("messageType").GetString());
            Assert.Contains("database was still unavailable", m.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });

        var replay = parked.First(m => m.GetProperty("actionId").GetGuid() == ids[0]);
        var discard = parked.First(m => m.GetProperty("actionId").GetGuid() == ids[1]);
        using (var integrator = scenario.Host.ApiClient())
        using (var refused = await integrator.PostAsync(new Uri($"/api/error-queues/messages/{replay.GetProperty("id").GetString()}/replay", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var replayed = await admin.PostAsync(new Uri($"/api/error-queues/messages/{replay.GetProperty("id").GetString()}/replay", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        }

        var completed = await LostOutcomes.StatusAsync(admin, ids[0], "completed");
        Assert.Equal(["trigger:done", "act:", "act:done", "sent:"], await TestWorkflows.PathAsync(admin, completed.GetProperty("instanceId").GetGuid()));

        using (var discarded = await admin.DeleteAsync(new Uri($"/api/error-queues/messages/{discard.GetProperty("id").GetString()}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        }

        using (var gone = await admin.DeleteAsync(new Uri($"/api/error-queues/messages/{discard.GetProperty("id").GetString()}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.Equal(0u, await BrokerQueues.MessageCountAsync(scenario.Host.RabbitMqAddress!, LostOutcomes.ErrorQueue));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/error-queues")).EnumerateArray());
        Assert.Single(Maildir.MessagesTo($"{customers[0]}@example.test"));
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("error-queue.replayed", audit);
        Assert.Contains("error-queue.discarded", audit);
    }

    [Fact]
    public async Task On_the_embedded_default_a_dispatch_that_failed_for_good_is_listed_and_replayed_once_its_connector_works()
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        var repaired = Path.Combine(plugins.Scratch, "repaired");
        using var host = AutomationHost.Embedded(PluginDeliveryTests.ProofSettings(plugins, ledger, failureRate: 0, redeliveries: 0, repairedMarker: repaired));
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("broken-here", "proof_break", "proof.broken"));
        var customer = $"embedded-{Guid.NewGuid().ToString("N")[..8]}";
        using (var posted = await host.PostEventsAsync(new { events = new[] { new { customerId = customer, type = "proof_break", timestamp = EventToEmailScenario.Iso(DateTime.UtcNow) } } }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var listed = await Poll.UntilAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/error-queues"), l => l.GetArrayLength() == 1, TimeSpan.FromSeconds(30));
        var parked = Assert.Single(listed.EnumerateArray());
        Assert.Equal("action-proof.broken", parked.GetProperty("queue").GetString());
        Assert.Equal("DispatchAction", parked.GetProperty("messageType").GetString());
        Assert.Contains("the proof connector is broken", parked.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var id = parked.GetProperty("actionId").GetGuid();
        await LostOutcomes.StatusAsync(admin, id, "failed");

        await File.WriteAllTextAsync(repaired, "fixed");
        using (var replayed = await admin.PostAsync(new Uri($"/api/error-queues/messages/{parked.GetProperty("id").GetString()}/replay", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        }

        await LostOutcomes.StatusAsync(admin, id, "completed");
        Assert.Single(ledger.Keys());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/error-queues")).EnumerateArray());
    }
}
