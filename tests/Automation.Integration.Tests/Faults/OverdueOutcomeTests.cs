using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// An action whose outcome never came back does not stay dispatched: it becomes unknown and a person settles it, or,
/// when its connector is idempotent, it is simply sent again.
/// </summary>
public sealed class OverdueOutcomeTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task Emails_whose_outcome_was_lost_become_unknown_and_a_person_resends_marks_as_sent_or_cancels_them()
    {
        using var scenario = LostOutcomes.Start();
        using var admin = await scenario.Host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string[] customers = [$"resend-{suffix}", $"sent-{suffix}", $"cancel-{suffix}"];
        var ids = await scenario.LoseOutcomesAsync(admin, "lost-mail", "email.send", new { template = "welcome" }, customers);

        // The connector did send each email; only its outcome was lost. Past the deadline each action is unknown and its
        // instance waits for a decision, not for nothing.
        var byCustomer = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var unknown = await LostOutcomes.StatusAsync(admin, id, "unknown");
            Assert.Equal("unknown", unknown.GetProperty("status").GetString());
            Assert.Contains("no outcome", unknown.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Equal(["trigger:done", "act:"], await TestWorkflows.PathAsync(admin, unknown.GetProperty("instanceId").GetGuid()));
            byCustomer[unknown.GetProperty("customerId").GetString()!] = unknown;
        }

        Assert.All(customers, c => Assert.Single(Maildir.MessagesTo($"{c}@example.test")));

        // Resend: the connector finds it had carried the action out and only announces it; no second email.
        var resent = byCustomer[customers[0]].GetProperty("id").GetGuid();
        using (var response = await admin.PostAsync(new Uri($"/api/actions/{resent}/resend", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var done = await LostOutcomes.StatusAsync(admin, resent, "completed");
        Assert.Equal(["trigger:done", "act:", "act:done", "sent:"], await TestWorkflows.PathAsync(admin, done.GetProperty("instanceId").GetGuid()));

        // Mark as sent: the instance moves on by "done"; cancel: by "skipped", like an action a guard held back.
        var marked = byCustomer[customers[1]].GetProperty("id").GetGuid();
        using (var response = await admin.PostAsync(new Uri($"/api/actions/{marked}/mark-sent", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("completed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        Assert.Equal(["trigger:done", "act:", "act:done", "sent:"], await TestWorkflows.PathAsync(admin, byCustomer[customers[1]].GetProperty("instanceId").GetGuid()));

        var cancelled = byCustomer[customers[2]].GetProperty("id").GetGuid();
        using (var response = await admin.PostAsync(new Uri($"/api/actions/{cancelled}/cancel", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("skipped", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        Assert.Equal(["trigger:done", "act:", "act:skipped", "blocked:"], await TestWorkflows.PathAsync(admin, byCustomer[customers[2]].GetProperty("instanceId").GetGuid()));

        // Settled is settled: a second decision is refused, and every decision is in the audit log.
        using (var again = await admin.PostAsync(new Uri($"/api/actions/{cancelled}/mark-sent", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(customers, c => Assert.Single(Maildir.MessagesTo($"{c}@example.test")));
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("subject").GetString()}").ToList();
        Assert.Contains($"action.unknown action/{resent}", audit);
        Assert.Contains($"action.resent action/{resent}", audit);
        Assert.Contains($"action.marked-sent action/{marked}", audit);
        Assert.Contains($"action.cancelled action/{cancelled}", audit);
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task A_forced_resend_sends_the_email_again_with_the_same_message_id_derived_from_the_action()
    {
        using var scenario = LostOutcomes.Start();
        using var admin = await scenario.Host.AdminAsync();
        var customer = $"forced-{Guid.NewGuid().ToString("N")[..8]}";
        var id = Assert.Single(await scenario.LoseOutcomesAsync(admin, "forced-mail", "email.send", new { template = "welcome" }, [customer]));
        await LostOutcomes.StatusAsync(admin, id, "unknown");

        using (var response = await admin.PostAsync(new Uri($"/api/actions/{id}/resend?force=true", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await LostOutcomes.StatusAsync(admin, id, "completed");
        var emails = await Poll.UntilAsync(() => Task.FromResult(Maildir.MessagesTo($"{customer}@example.test")), m => m.Count >= 2, TimeSpan.FromSeconds(20));
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.Equal($"{id}@automation.local", m.MessageId));
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task An_idempotent_connectors_overdue_action_is_dispatched_again_and_completes_without_a_person()
    {
        using var scenario = LostOutcomes.Start();
        using var admin = await scenario.Host.AdminAsync();
        var customer = $"again-{Guid.NewGuid().ToString("N")[..8]}";
        var id = Assert.Single(await scenario.LoseOutcomesAsync(admin, "idempotent", "proof.idempotent", null, [customer]));

        var completed = await LostOutcomes.StatusAsync(admin, id, "completed");
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(["trigger:done", "act:", "act:done", "sent:"], await TestWorkflows.PathAsync(admin, completed.GetProperty("instanceId").GetGuid()));
        Assert.Single(scenario.Ledger.Keys());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "action.redispatched" && e.GetProperty("subject").GetString() == $"action/{id}");
        Assert.DoesNotContain(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "action.unknown");
    }
}
