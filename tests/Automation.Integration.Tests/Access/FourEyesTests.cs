using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Approvals;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Storage.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Integration.Tests.Approvals.ApprovalFlow;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Access;

public sealed class FourEyesTests(ApprovalsHost fixture) : IClassFixture<ApprovalsHost>
{
    private const string Password = "person-password-1";
    private readonly AutomationHost host = fixture.Host;

    [Fact]
    public async Task An_api_key_added_to_the_publishers_session_neither_approves_nor_skips_the_antiforgery_check()
    {
        using var admin = await host.AdminAsync();
        var leadEmail = $"lead-{Guid.NewGuid():N}@example.test";
        using var lead = await host.PersonAsync(admin, leadEmail, "marketer", "approver");
        var id = await WaitingRequestAsync(lead, "key-gate", "key_gate_tick");

        // The publisher adds a valid key to their signed-in request: refused outright, the request still waits.
        using (var withKey = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/approvals/{id}/approve", UriKind.Relative)))
        {
            withKey.Headers.Add("X-Api-Key", AutomationHost.ApiKey);
            withKey.Content = JsonContent.Create(new { comment = "as a key" });
            using var refused = await lead.SendAsync(withKey);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("not both", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A key alone never decides; the publisher alone is held by four-eyes.
        using (var key = host.ApiClient())
        using (var keyAlone = await key.PostAsJsonAsync($"/api/approvals/{id}/approve", new { comment = "as a key" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, keyAlone.StatusCode);
        }

        using (var own = await lead.PostAsJsonAsync($"/api/approvals/{id}/approve", new { comment = "my own" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        // Without the anti-forgery header a signed-in request is refused, a key header (even a bogus one) or not.
        var cookie = await SessionCookie.SignInAsync(host, leadEmail, Password);
        foreach (var keyHeader in new[] { null, "bogus", AutomationHost.ApiKey })
        {
            using var bare = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
            using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/workflows/key-gate/disable", UriKind.Relative));
            forged.Headers.Add("Cookie", cookie);
            if (keyHeader is not null)
            {
                forged.Headers.Add("X-Api-Key", keyHeader);
            }

            using var response = await bare.SendAsync(forged);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"a forged request with key header '{keyHeader}' answered {(int)response.StatusCode}");
        }

        var workflow = await lead.GetFromJsonAsync<JsonElement>("/api/workflows/key-gate");
        Assert.True(workflow.GetProperty("enabled").GetBoolean());
        Assert.Single(await PendingAsync(lead, "key-gate", 1));
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=500")).EnumerateArray().ToList();
        Assert.DoesNotContain(audit, e => e.GetProperty("subject").GetString() == $"approval/{id}" && e.GetProperty("action").GetString() == "approval.approved");
        Assert.Contains(audit, e => e.GetProperty("subject").GetString() == $"approval/{id}" && e.GetProperty("action").GetString() == "approval.approve.refused" && e.GetProperty("actor").GetString() == leadEmail);
    }

    [Fact]
    public async Task An_account_the_publishing_admin_created_counts_as_the_admin_until_a_second_admin_confirms_it()
    {
        using var admin = await host.AdminAsync();
        var id = await WaitingRequestAsync(admin, "puppet-gate", "puppet_gate_tick");
        var secondEmail = $"second-{Guid.NewGuid():N}@example.test";
        using var second = await host.PersonAsync(admin, secondEmail, "approver");

        using (var refused = await second.PostAsJsonAsync($"/api/approvals/{id}/approve", new { comment = "looks fine" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("your account was created by admin@automation.local", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var selfConfirmed = await admin.PostAsync(new Uri($"/api/users/{secondEmail}/confirm", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, selfConfirmed.StatusCode);
        }

        // An admin who is someone else (an account not created by the first admin, as from configuration) vouches for it.
        var otherAdmin = $"other-admin-{Guid.NewGuid():N}@example.test";
        await AddIndependentAdminAsync(otherAdmin);
        using (var other = await host.SignInAsync(otherAdmin, Password))
        using (var confirmed = await other.PostAsync(new Uri($"/api/users/{secondEmail}/confirm", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Equal(otherAdmin, (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("confirmedBy").GetString());
        }

        using (var approved = await second.PostAsJsonAsync($"/api/approvals/{id}/approve", new { comment = "looks fine" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal(secondEmail, (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decidedBy").GetString());
        }

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=500");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "approval.approved" && e.GetProperty("subject").GetString() == $"approval/{id}" && e.GetProperty("actor").GetString() == secondEmail);
    }

    [Fact]
    public async Task An_admin_cannot_approve_what_an_account_they_created_published()
    {
        using var admin = await host.AdminAsync();
        using var puppet = await host.PersonAsync(admin, $"puppet-{Guid.NewGuid():N}@example.test", "marketer");
        var id = await WaitingRequestAsync(puppet, "created-gate", "created_gate_tick");

        using var refused = await admin.PostAsJsonAsync($"/api/approvals/{id}/approve", new { comment = "fine" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("you created the account", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_says_why_and_an_approval_may_leave_the_comment_out()
    {
        using var admin = await host.AdminAsync();
        using var marketer = await host.PersonAsync(admin, $"comment-marketer-{Guid.NewGuid():N}@example.test", "marketer");
        using var approver = await host.PersonAsync(admin, $"comment-approver-{Guid.NewGuid():N}@example.test", "approver");
        var id = await WaitingRequestAsync(marketer, "comment-gate", "comment_gate_tick");

        using (var blank = await approver.PostAsJsonAsync($"/api/approvals/{id}/reject", new { comment = "   " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
            Assert.Equal("say why you reject it", (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("comment")[0].GetString());
        }

        using var approved = await approver.PostAsJsonAsync($"/api/approvals/{id}/approve", new { comment = "  " });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decision = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        Assert.False(decision.TryGetProperty("comment", out var comment) && comment.ValueKind != JsonValueKind.Null, $"a blank comment is stored as none: {decision}");
    }

    private async Task<Guid> WaitingRequestAsync(HttpClient publisher, string workflowId, string tick)
    {
        await TestWorkflows.PublishAsync(publisher, Gate(workflowId, tick));
        await PostAsync(host, Event(NewCustomer(workflowId).Customer, tick, DateTime.UtcNow));
        return Assert.Single(await PendingAsync(publisher, workflowId, 1)).GetProperty("id").GetGuid();
    }

    private async Task AddIndependentAdminAsync(string email)
    {
        var hasher = host.Services.GetRequiredService<IPasswordHasher<UserAccount>>();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
        var user = new UserAccount { Email = email, DisplayName = "Other admin", PasswordHash = "", Roles = "approver,admin", CreatedAt = DateTime.UtcNow, SecurityStamp = "initial" };
        user.PasswordHash = hasher.HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }
}
