using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Operations;

/// <summary>
/// One customer's event starts a workflow whose email.send action goes out through the SMTP sink: what the
/// operations tests trace and count.
/// </summary>
internal static class TracedEmailRun
{
    /// <summary>Settings for a host whose email is never held for quiet hours.</summary>
    public static Dictionary<string, string?> Settings() => new() { ["Automation:Dispatch:QuietHoursStart"] = "" };

    /// <summary>Publishes the workflow, posts the customer's batch and waits for the action to complete; returns the workflow id.</summary>
    public static async Task<string> RunAsync(AutomationHost host)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var workflowId = $"ops-{suffix}";
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(workflowId, $"ops_go_{suffix}", "email.send", new { template = "welcome" }));

        var now = DateTime.UtcNow;
        var customer = $"ops-{suffix}";
        using (var posted = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = customer, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-1)), properties = new { email = $"{customer}@example.test" } },
                new { customerId = customer, type = $"ops_go_{suffix}", timestamp = EventToEmailScenario.Iso(now) },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var completed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflowId}&status=completed"),
            a => a.GetArrayLength() == 1,
            TimeSpan.FromSeconds(60));
        Assert.Equal(1, completed.GetArrayLength());
        return workflowId;
    }
}
