using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Approvals.ApprovalFlow;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Approvals;

public sealed class ApprovalExpiryTests
{
    [Fact]
    public async Task An_undecided_request_expires_counts_as_rejected_and_is_logged_in_the_audit()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:Dispatch:ApprovalExpiry"] = "00:00:02" });
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, Gate("expiring-gate", "expiring_tick"));
        var customer = NewCustomer("forgotten").Customer;
        await PostAsync(host, Event(customer, "expiring_tick", DateTime.UtcNow));
        var request = Assert.Single(await PendingAsync(admin, "expiring-gate", 1));

        // Nobody decides: after two seconds the timer expires it and the instance goes on by "rejected".
        Assert.Equal(["trigger:done", "ask:", "ask:rejected", "stopped:"], await FinishedPathAsync(admin, request.GetProperty("instanceId").GetGuid()));
        var expired = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/approvals?status=expired&workflowId=expiring-gate")).EnumerateArray());
        Assert.Equal(request.GetProperty("id").GetGuid(), expired.GetProperty("id").GetGuid());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        var entry = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "approval.expired");
        Assert.Equal("system", entry.GetProperty("actor").GetString());
        Assert.Equal($"approval/{request.GetProperty("id").GetGuid()}", entry.GetProperty("subject").GetString());
        Assert.Contains(customer, entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
