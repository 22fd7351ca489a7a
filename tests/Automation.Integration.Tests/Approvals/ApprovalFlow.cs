using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Approvals;

/// <summary>Workflows that wait for an approver, and the approval queue as the tests read it.</summary>
public static class ApprovalFlow
{
    /// <summary>An event starts it; an explicit approval step goes on to "went-ahead" or "stopped".</summary>
    public static object Gate(string id, string triggerEvent) => new
    {
        id,
        name = id,
        trigger = new { type = "event", @event = triggerEvent },
        reentry = new { policy = "always" },
        activities = new object[]
        {
            new { id = "ask", type = "approval", question = "Offer this customer a call?", estimatedCost = 12.5 },
            new { id = "went-ahead", type = "end" },
            new { id = "stopped", type = "end" },
        },
        connections = new object[]
        {
            new { from = "ask", port = "approved", to = "went-ahead" },
            new { from = "ask", port = "rejected", to = "stopped" },
        },
    };

    public static async Task<JsonElement[]> PendingAsync(HttpClient client, string workflowId, int count)
    {
        var pending = await Poll.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/approvals?status=pending&workflowId={workflowId}"),
            a => a.GetArrayLength() >= count,
            TimeSpan.FromSeconds(30));
        Assert.True(pending.GetArrayLength() >= count, $"expected {count} pending approvals in {workflowId}, found {pending}");
        return [.. pending.EnumerateArray()];
    }

    /// <summary>The instance's path once it has left the waiting step (trigger, wait, the port it left by, the end).</summary>
    public static async Task<IReadOnlyList<string>> FinishedPathAsync(HttpClient client, Guid instanceId) =>
        await Poll.UntilAsync(() => TestWorkflows.PathAsync(client, instanceId), p => p.Count >= 4, TimeSpan.FromSeconds(20));
}
