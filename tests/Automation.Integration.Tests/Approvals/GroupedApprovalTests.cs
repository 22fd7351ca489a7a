using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Approvals;

/// <summary>A budget-affecting step reached by many customers at once: one decision for all of them.</summary>
public sealed class GroupedApprovalTests(ApprovalsHost fixture) : IClassFixture<ApprovalsHost>
{
    private const int Audience = 12;
    private readonly AutomationHost host = fixture.Host;

    [Fact]
    public async Task A_grouped_approval_approved_once_releases_every_action_in_it_less_the_customers_taken_out()
    {
        var (approver, workflow, customers) = await ReachStepTogetherAsync("group-yes");
        var group = await PendingGroupAsync(approver, workflow);
        Assert.Equal(Audience, group.GetProperty("audienceSize").GetInt32());
        Assert.Equal(0.05m * Audience, group.GetProperty("estimatedTotalCost").GetDecimal());
        Assert.True(group.GetProperty("budgetLeftToday").GetDecimal() > 0);
        Assert.True(group.GetProperty("canDecide").GetBoolean());
        Assert.Equal(Audience, group.GetProperty("sample").GetArrayLength());
        // The inbox holds the group, not twelve separate requests.
        Assert.Equal(0, (await approver.GetFromJsonAsync<JsonElement>($"/api/approvals?status=pending&workflowId={workflow}")).GetArrayLength());

        var removed = customers.Take(2).ToArray();
        using (var decided = await approver.PostAsJsonAsync($"/api/approvals/groups/{group.GetProperty("id").GetGuid()}/approve", new { comment = "spring audience", remove = removed }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((Audience - 2, 2), (body.GetProperty("approved").GetInt32(), body.GetProperty("removed").GetInt32()));
        }

        var actions = await SettledAsync(approver, workflow);
        Assert.All(customers.Skip(2), c => Assert.Equal("completed", Status(actions[c])));
        Assert.All(removed, c => Assert.Equal("rejected", Status(actions[c])));

        // Decided once: a second decision is refused, and a single request of the group cannot be decided on its own.
        using var again = await approver.PostAsJsonAsync($"/api/approvals/groups/{group.GetProperty("id").GetGuid()}/reject", new { comment = "changed my mind" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var audit = await approver.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "approval.group.approved");
    }

    [Fact]
    public async Task A_grouped_approval_rejected_once_releases_none_of_its_actions()
    {
        var (approver, workflow, customers) = await ReachStepTogetherAsync("group-no");
        var group = await PendingGroupAsync(approver, workflow);
        var id = group.GetProperty("id").GetGuid();

        using (var unexplained = await approver.PostAsJsonAsync($"/api/approvals/groups/{id}/reject", new { comment = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
            Assert.Contains("comment", await unexplained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var rejected = await approver.PostAsJsonAsync($"/api/approvals/groups/{id}/reject", new { comment = "not this quarter" }))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        var actions = await SettledAsync(approver, workflow);
        Assert.All(customers, c => Assert.Equal("rejected", Status(actions[c])));
        Assert.All(customers, c => Assert.Contains("not this quarter", actions[c].GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_author_of_the_workflow_version_cannot_approve_its_group()
    {
        using var admin = await host.AdminAsync();
        var workflow = $"group-own-{Guid.NewGuid():N}"[..20];
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(workflow, $"{workflow.Replace('-', '_')}_tick", "retargeting.include", new { audience = "lookalikes" }));
        await PostTicksAsync(workflow, "own");
        var group = await PendingGroupAsync(admin, workflow);
        Assert.False(group.GetProperty("canDecide").GetBoolean());

        using var refused = await admin.PostAsJsonAsync($"/api/approvals/groups/{group.GetProperty("id").GetGuid()}/approve", new { comment = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(HttpClient Approver, string Workflow, List<string> Customers)> ReachStepTogetherAsync(string prefix)
    {
        using var admin = await host.AdminAsync();
        var approver = await host.PersonAsync(admin, $"approver-{Guid.NewGuid():N}@example.test", "approver");
        using var marketer = await host.PersonAsync(admin, $"marketer-{Guid.NewGuid():N}@example.test", "marketer");
        var workflow = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await TestWorkflows.PublishAsync(marketer, TestWorkflows.OneAction(workflow, $"{workflow.Replace('-', '_')}_tick", "retargeting.include", new { audience = "lookalikes" }));
        return (approver, workflow, await PostTicksAsync(workflow, prefix));
    }

    private async Task<List<string>> PostTicksAsync(string workflow, string prefix)
    {
        var customers = Enumerable.Range(0, Audience).Select(i => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}-{i:00}").Order(StringComparer.Ordinal).ToList();
        var now = DateTime.UtcNow;
        var events = customers.Select(c => Event(c, "identify", now.AddSeconds(-1), new { email = $"{c}@example.test" }))
            .Concat(customers.Select(c => Event(c, $"{workflow.Replace('-', '_')}_tick", now))).ToArray();
        await PostAsync(host, events);
        return customers;
    }

    private static async Task<JsonElement> PendingGroupAsync(HttpClient client, string workflow)
    {
        var groups = await Poll.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/approvals/groups?status=pending&workflowId={workflow}"),
            g => g.GetArrayLength() == 1 && g[0].GetProperty("audienceSize").GetInt32() == Audience,
            TimeSpan.FromSeconds(30));
        return Assert.Single(groups.EnumerateArray());
    }

    private static async Task<Dictionary<string, JsonElement>> SettledAsync(HttpClient client, string workflow)
    {
        var actions = await Poll.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflow}"),
            a => a.GetArrayLength() == Audience && a.EnumerateArray().All(x => Status(x) is "completed" or "rejected"),
            TimeSpan.FromSeconds(30));
        return actions.EnumerateArray().ToDictionary(a => a.GetProperty("customerId").GetString()!, StringComparer.Ordinal);
    }
}
