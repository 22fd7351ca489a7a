using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
