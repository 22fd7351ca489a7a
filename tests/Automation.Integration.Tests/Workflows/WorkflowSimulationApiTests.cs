using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Workflows;

/// <summary>A dry run through the API: what a marketer reads before publishing, and that nothing happened for real.</summary>
public sealed class WorkflowSimulationApiTests : IDisposable
{
    // Email (0.001, no approval) → prospecting exclusion (0.05, budget-affecting) → an explicit approval → end.
    private const string Definition = """
        { "id": "sim-spend", "name": "Sim: spend and approvals", "trigger": { "type": "event", "event": "sim_go" }, "reentry": { "policy": "always" },
          "activities": [
            { "id": "mail", "type": "action", "action": "email.send", "input": { "template": "winback-10" } },
            { "id": "ads", "type": "action", "action": "retargeting.exclude", "input": { "audience": "prospecting" } },
            { "id": "gate", "type": "approval", "question": "Offer a call?" },
            { "id": "done", "type": "end" } ],
          "connections": [
            { "from": "mail", "port": "done", "to": "ads" }, { "from": "ads", "port": "done", "to": "gate" },
            { "from": "gate", "port": "approved", "to": "done" } ] }
        """;

    // One email, converted by any purchase in the last 30 days.
    private const string GoalDefinition = """
        { "id": "sim-goal", "name": "Sim: goal", "trigger": { "type": "event", "event": "goal_go" }, "reentry": { "policy": "always" },
          "goal": { "name": "a purchase", "expression": "Features.Purchases30d > 0" },
          "activities": [ { "id": "mail", "type": "action", "action": "email.send", "input": { "template": "winback-10" } } ],
          "connections": [] }
        """;

    private readonly ShiftableClock clock = new();
    private readonly AutomationHost host;

    public WorkflowSimulationApiTests() => host = AutomationHost.Embedded(clock: clock);

    [Fact]
    public async Task Dry_run_counts_approvals_and_estimates_spend_from_the_action_descriptors_without_sending_anything()
    {
        for (var i = 0; i < 4; i++)
        {
            await new SyntheticCustomer(host, clock, "simgo").DoesAsync(("identify", TimeSpan.FromHours(2), null), ("sim_go", TimeSpan.FromHours(1), null));
        }

        await new SyntheticCustomer(host, clock, "simidle").DoesAsync("identify");
        using var designer = await host.AdminAsync();
        await Poll.UntilAsync(() => designer.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));

        using var response = await designer.PostAsJsonAsync("/api/workflows/sim-spend/simulate", new { days = 7, definition = JsonDocument.Parse(Definition).RootElement });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, report.GetProperty("customersEvaluated").GetInt32());
        Assert.Equal(4, report.GetProperty("customersEntered").GetInt32());
        var actions = report.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("actionType").GetString()!, a => a);
        Assert.Equal((4, 0, 0.004m), Read(actions["email.send"]));
        Assert.Equal((4, 4, 0.20m), Read(actions["retargeting.exclude"]));
        Assert.Equal(8, report.GetProperty("approvalsNeeded").GetInt32()); // 4 budget-affecting actions + 4 explicit approvals
        Assert.Equal(0.204m, report.GetProperty("estimatedSpend").GetDecimal());
        var gate = report.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("activityId").GetString() == "gate");
        Assert.Equal(4, gate.GetProperty("ports").GetProperty("approved").GetInt32());

        // Nothing was written or sent: no instance, no action, no approval request.
        Assert.Empty((await designer.GetFromJsonAsync<JsonElement>("/api/workflows/sim-spend/instances")).EnumerateArray());
        Assert.Empty((await designer.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending")).EnumerateArray());
    }

    [Fact]
    public async Task Dry_run_of_a_scheduled_audience_counts_the_segments_current_members_and_their_cost()
    {
        for (var i = 0; i < 3; i++)
        {
            await new SyntheticCustomer(host, clock, "simsched").DoesAsync(("identify", TimeSpan.FromHours(2), null), ("pricing_view", TimeSpan.FromHours(1), null));
        }

        await new SyntheticCustomer(host, clock, "simaway").DoesAsync("identify");
        using var designer = await host.AdminAsync();
        await Poll.UntilAsync(() => designer.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));
        using (var saved = await designer.PutAsJsonAsync("/api/segments/sim-pricing", new { name = "Pricing visitors", expression = "Features.PricingViews30d >= 1" }))
        {
            Assert.True(saved.IsSuccessStatusCode);
        }

        await Poll.UntilAsync(() => designer.GetFromJsonAsync<JsonElement>("/api/segments/sim-pricing/members"), m => m.GetProperty("total").GetInt32() == 3, TimeSpan.FromSeconds(30));
        var definition = new
        {
            id = "sim-sched",
            name = "Sim: Monday send",
            trigger = new { type = "schedule", segment = "sim-pricing", cron = "0 9 * * MON" },
            activities = new object[] { new { id = "mail", type = "action", action = "email.send", input = new { template = "winback-10" } } },
            connections = Array.Empty<object>(),
        };

        using var response = await designer.PostAsJsonAsync("/api/workflows/sim-sched/simulate", new { days = 7, definition });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("customersEntered").GetInt32());
        Assert.Equal(0.003m, report.GetProperty("estimatedSpend").GetDecimal());
        Assert.Empty((await designer.GetFromJsonAsync<JsonElement>("/api/workflows/sim-sched/instances")).EnumerateArray());
    }

    [Fact]
    public async Task Dry_run_says_how_many_entering_customers_already_meet_the_goal()
    {
        for (var i = 0; i < 3; i++)
        {
            await new SyntheticCustomer(host, clock, "goalgo").DoesAsync(("identify", TimeSpan.FromHours(2), null), ("goal_go", TimeSpan.FromHours(1), null));
        }

        await new SyntheticCustomer(host, clock, "goalbuyer").DoesAsync(("purchase", TimeSpan.FromHours(3), 20m), ("goal_go", TimeSpan.FromHours(1), null));
        using var designer = await host.AdminAsync();
        await Poll.UntilAsync(() => designer.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));

        using var response = await designer.PostAsJsonAsync("/api/workflows/sim-goal/simulate", new { days = 7, definition = JsonDocument.Parse(GoalDefinition).RootElement });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, report.GetProperty("customersEntered").GetInt32());
        Assert.Equal(1, report.GetProperty("alreadyAtGoal").GetInt32());

        // Without a goal the figure is left out rather than given as 0.
        using var plain = await designer.PostAsJsonAsync("/api/workflows/sim-spend/simulate", new { days = 7, definition = JsonDocument.Parse(Definition).RootElement });
        Assert.False((await plain.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("alreadyAtGoal", out _));
    }

    public void Dispose() => host.Dispose();

    private static (int Count, int NeedingApproval, decimal Cost) Read(JsonElement action) =>
        (action.GetProperty("count").GetInt32(), action.GetProperty("needingApproval").GetInt32(), action.GetProperty("estimatedCost").GetDecimal());
}
