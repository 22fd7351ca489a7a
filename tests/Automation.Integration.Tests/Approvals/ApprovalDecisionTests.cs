using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Approvals.ApprovalFlow;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Approvals;

public sealed class ApprovalDecisionTests(ApprovalsHost fixture) : IClassFixture<ApprovalsHost>
{
    private readonly AutomationHost host = fixture.Host;

    [Fact]
    public async Task Approver_approves_one_audience_change_and_rejects_another_and_each_instance_goes_on_by_its_port()
    {
        using var admin = await host.AdminAsync();
        using var approver = await host.PersonAsync(admin, $"approver-{Guid.NewGuid():N}@example.test", "approver");
        using var marketer = await host.PersonAsync(admin, $"marketer-{Guid.NewGuid():N}@example.test", "marketer");
        await TestWorkflows.PublishAsync(marketer, TestWorkflows.OneAction("approve-audience", "approve_audience_tick", "retargeting.include", new { audience = "lookalikes" }));
        var ((yes, yesEmail), (no, noEmail)) = (NewCustomer("yes"), NewCustomer("no"));
        var now = DateTime.UtcNow;
        await PostAsync(
            host,
            Event(yes, "identify", now.AddSeconds(-1), new { email = yesEmail }),
            Event(no, "identify", now.AddSeconds(-1), new { email = noEmail }),
            Event(yes, "approve_audience_tick", now),
            Event(no, "approve_audience_tick", now));

        var pending = await PendingAsync(approver, "approve-audience", 2);
        var (toApprove, toReject) = (pending.Single(a => a.GetProperty("customerId").GetString() == yes), pending.Single(a => a.GetProperty("customerId").GetString() == no));
        Assert.True(toApprove.GetProperty("canDecide").GetBoolean());
        Assert.Equal("retargeting.include", toApprove.GetProperty("actionType").GetString());
        Assert.Equal(0.05m, toApprove.GetProperty("estimatedCost").GetDecimal());

        using (var approved = await approver.PostAsJsonAsync($"/api/approvals/{toApprove.GetProperty("id").GetGuid()}/approve", new { comment = "worth it" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using (var rejected = await approver.PostAsJsonAsync($"/api/approvals/{toReject.GetProperty("id").GetGuid()}/reject", new { comment = "already a customer" }))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        // Approved: the plugin carries the action out and the instance leaves by "done"; rejected: by "rejected".
        Assert.Equal(["trigger:done", "act:", "act:done", "sent:"], await FinishedPathAsync(admin, toApprove.GetProperty("instanceId").GetGuid()));
        Assert.Equal(["trigger:done", "act:", "act:rejected", "refused:"], await FinishedPathAsync(admin, toReject.GetProperty("instanceId").GetGuid()));
        var actions = await admin.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=approve-audience");
        Assert.Equal("completed", Status(actions.EnumerateArray().Single(a => a.GetProperty("customerId").GetString() == yes)));
        // Only the approved customer reached the audience (no ad platform configured: the CSV export).
        var exported = string.Concat(Directory.GetFiles(fixture.AudiencesFolder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains(Sha256(yesEmail), exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Sha256(noEmail), exported, StringComparison.Ordinal);
        var refused = actions.EnumerateArray().Single(a => a.GetProperty("customerId").GetString() == no);
        Assert.Equal("rejected", Status(refused));
        Assert.Contains("already a customer", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "approval.approved" && e.GetProperty("subject").GetString() == $"approval/{toApprove.GetProperty("id").GetGuid()}");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "approval.rejected" && e.GetProperty("subject").GetString() == $"approval/{toReject.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task Whoever_published_the_workflow_version_is_refused_with_403_when_approving_its_request()
    {
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, Gate("four-eyes", "four_eyes_tick"));
        await PostAsync(host, Event(NewCustomer("four-eyes").Customer, "four_eyes_tick", DateTime.UtcNow));
        var request = Assert.Single(await PendingAsync(admin, "four-eyes", 1));
        Assert.False(request.GetProperty("canDecide").GetBoolean());
        Assert.Equal("admin@automation.local", request.GetProperty("publishedBy").GetString());

        using var refused = await admin.PostAsJsonAsync($"/api/approvals/{request.GetProperty("id").GetGuid()}/approve", new { comment = "my own" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("four-eyes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await PendingAsync(admin, "four-eyes", 1));
    }

    [Fact]
    public async Task Approver_approves_every_waiting_request_of_a_workflow_in_one_batch()
    {
        using var admin = await host.AdminAsync();
        using var approver = await host.PersonAsync(admin, $"batcher-{Guid.NewGuid():N}@example.test", "approver");
        using var marketer = await host.PersonAsync(admin, $"batch-marketer-{Guid.NewGuid():N}@example.test", "marketer");
        await TestWorkflows.PublishAsync(marketer, Gate("batch-gate", "batch_gate_tick"));
        await TestWorkflows.PublishAsync(marketer, Gate("other-gate", "other_gate_tick"));
        var now = DateTime.UtcNow;
        await PostAsync(
            host,
            Event(NewCustomer("batch").Customer, "batch_gate_tick", now),
            Event(NewCustomer("batch").Customer, "batch_gate_tick", now),
            Event(NewCustomer("batch").Customer, "batch_gate_tick", now),
            Event(NewCustomer("other").Customer, "other_gate_tick", now));
        var waiting = await PendingAsync(approver, "batch-gate", 3);
        await PendingAsync(approver, "other-gate", 1);

        using var batch = await approver.PostAsJsonAsync("/api/approvals/approve-batch", new { workflowId = "batch-gate", comment = "all good" });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var result = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("approved").GetInt32());
        Assert.Empty(result.GetProperty("refused").EnumerateArray());

        foreach (var approval in waiting)
        {
            Assert.Equal(["trigger:done", "ask:", "ask:approved", "went-ahead:"], await FinishedPathAsync(approver, approval.GetProperty("instanceId").GetGuid()));
        }

        // The other workflow's request still waits.
        Assert.Single(await PendingAsync(approver, "other-gate", 1));
        Assert.Empty((await approver.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending&workflowId=batch-gate")).EnumerateArray());
    }

    private static string Sha256(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
