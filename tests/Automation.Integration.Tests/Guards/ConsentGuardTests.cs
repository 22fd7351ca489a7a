using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Guards;

/// <summary>Consent and the frequency cap on email: who asked not to hear from us, and how often anyone does.</summary>
[Collection(GuardsCollection.Name)]
public sealed class ConsentGuardTests(GuardsHost fixture)
{
    private readonly AutomationHost host = fixture.Host;

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Customer_who_unsubscribed_gets_no_email_and_the_action_leaves_by_skipped()
    {
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("guard-unsubscribed", "guard_unsub_tick", "email.send", new { template = "welcome" }));
        var (customer, email) = NewCustomer("unsub");
        var now = DateTime.UtcNow;
        await PostAsync(
            host,
            Event(customer, "identify", now.AddSeconds(-3), new { email, name = "Una Subscribed" }),
            Event(customer, "email_unsubscribe", now.AddSeconds(-2)),
            Event(customer, "guard_unsub_tick", now));

        var action = Assert.Single(await SettledActionsAsync(admin, customer));
        Assert.Equal("skipped", Status(action));
        Assert.Equal("the customer unsubscribed from email", action.GetProperty("detail").GetString());
        Assert.False(Guard(action, "consent").GetProperty("passed").GetBoolean());
        Assert.Equal(["trigger:done", "act:skipped", "blocked:"], await TestWorkflows.PathAsync(admin, action.GetProperty("instanceId").GetGuid()));
        Assert.Empty(Maildir.MessagesTo(email));
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Suppressed_address_gets_no_email_until_it_is_taken_off_the_list()
    {
        using var admin = await host.AdminAsync();
        using var marketer = await host.PersonAsync(admin, $"marketer-{Guid.NewGuid():N}@example.test", "marketer");
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("guard-suppressed", "guard_suppress_tick", "email.send", new { template = "welcome" }));
        var (customer, email) = NewCustomer("suppressed");

        // The marketer suppresses the address as a mail server reported it, in capitals; the profile has it in lower case.
        using var added = await marketer.PostAsJsonAsync("/api/suppressions", new { email = email.ToUpperInvariant(), reason = "hard bounce" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<JsonElement>();
        var now = DateTime.UtcNow;
        await PostAsync(host, Event(customer, "identify", now.AddSeconds(-1), new { email, name = "Sue Pressed" }), Event(customer, "guard_suppress_tick", now));

        var blocked = Assert.Single(await SettledActionsAsync(admin, customer));
        Assert.Equal("skipped", Status(blocked));
        Assert.Equal($"{email} is on the suppression list: hard bounce", blocked.GetProperty("detail").GetString());
        Assert.Empty(Maildir.MessagesTo(email));

        // Off the list, the next time the workflow runs the email goes out.
        using (var removed = await marketer.DeleteAsync(new Uri($"/api/suppressions/{entry.GetProperty("id").GetGuid()}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await PostAsync(host, Event(customer, "guard_suppress_tick", DateTime.UtcNow));
        var mail = await Maildir.WaitForMessageToAsync(email, TimeSpan.FromSeconds(30));
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "suppression.added" && e.GetProperty("actor").GetString()!.StartsWith("marketer-", StringComparison.Ordinal));
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "suppression.removed");
    }

    [Fact]
    public async Task A_suppression_names_an_address_or_a_customer_and_only_marketers_and_admins_keep_the_list()
    {
        using var admin = await host.AdminAsync();
        using var refused = await admin.PostAsJsonAsync("/api/suppressions", new { reason = "no target" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("give an email address or a customer id", problem.GetProperty("errors").GetProperty("email")[0].GetString());

        using var byCustomer = await admin.PostAsJsonAsync("/api/suppressions", new { customerId = "legal-hold-1", reason = "legal hold" });
        Assert.Equal(HttpStatusCode.Created, byCustomer.StatusCode);
        using var twice = await admin.PostAsJsonAsync("/api/suppressions", new { customerId = "legal-hold-1" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        using var approver = await host.PersonAsync(admin, $"approver-{Guid.NewGuid():N}@example.test", "approver");
        using var forbidden = await approver.PostAsJsonAsync("/api/suppressions", new { email = "someone@example.test" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Frequency_cap_lets_one_marketing_email_a_day_through_and_skips_the_next()
    {
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("guard-capped", "guard_cap_tick", "email.send", new { template = "welcome" }));
        var (customer, email) = NewCustomer("capped");
        var now = DateTime.UtcNow;
        await PostAsync(host, Event(customer, "identify", now.AddSeconds(-1), new { email, name = "Cap Tain" }), Event(customer, "guard_cap_tick", now));
        var first = Assert.Single(await SettledActionsAsync(admin, customer));
        Assert.Equal("completed", Status(first));

        await PostAsync(host, Event(customer, "guard_cap_tick", DateTime.UtcNow));
        var actions = await SettledActionsAsync(admin, customer, count: 2);
        var second = actions.Single(a => a.GetProperty("id").GetGuid() != first.GetProperty("id").GetGuid());
        Assert.Equal("skipped", Status(second));
        Assert.Equal("cap reached: 1 of 1 email actions in the last 24 h", second.GetProperty("detail").GetString());
        Assert.Equal(["trigger:done", "act:skipped", "blocked:"], await TestWorkflows.PathAsync(admin, second.GetProperty("instanceId").GetGuid()));
        Assert.Single(Maildir.MessagesTo(email));
    }
}
