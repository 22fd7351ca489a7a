using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Guards;

/// <summary>The guards on money and ad platforms: the daily budget per workflow and the minimum audience size.</summary>
[Collection(GuardsCollection.Name)]
public sealed class AudienceGuardTests(GuardsHost fixture)
{
    private readonly AutomationHost host = fixture.Host;

    [Fact]
    public async Task Budget_cap_stops_the_next_approval_request_from_being_created_and_says_why()
    {
        using var admin = await host.AdminAsync();
        await SaveSegmentAsync(admin, "guard-ad-clickers", "Features.AdClicks7d >= 1", minimumSize: 1);
        await TestWorkflows.PublishAsync(admin, OnSegment("guard-budget", "guard-ad-clickers", "retargeting.include", new { audience = "prospecting" }));

        // Three customers enter; each audience change costs 0.05 and the workflow may spend 0.10 a day.
        var now = DateTime.UtcNow;
        var customers = Enumerable.Range(0, 3).Select(_ => NewCustomer("clicker").Customer).ToList();
        await PostAsync(host, [.. customers.Select(c => Event(c, "ad_click", now))]);

        var actions = await SettledActionsAsync(admin, "", count: 3, workflowId: "guard-budget");
        Assert.Equal(2, actions.Count(a => Status(a) == "awaitingApproval"));
        var stopped = Assert.Single(actions, a => Status(a) == "skipped");
        Assert.Equal("daily budget of 0.10 would be exceeded: 0.10 used, this action costs 0.05", stopped.GetProperty("detail").GetString());
        Assert.False(Guard(stopped, "budgetCap").GetProperty("passed").GetBoolean());
        Assert.Equal(["trigger:done", "act:skipped", "blocked:"], await TestWorkflows.PathAsync(admin, stopped.GetProperty("instanceId").GetGuid()));

        var approvals = await admin.GetFromJsonAsync<JsonElement>("/api/approvals?status=pending&workflowId=guard-budget");
        Assert.Equal(2, approvals.GetArrayLength());
        Assert.DoesNotContain(approvals.EnumerateArray(), a => a.GetProperty("customerId").GetString() == stopped.GetProperty("customerId").GetString());
        Assert.All(approvals.EnumerateArray(), a => Assert.Equal(0m, a.GetProperty("budgetLeftToday").GetDecimal()));
    }

    [Fact]
    public async Task Ad_audience_actions_wait_until_the_segment_reaches_its_minimum_size()
    {
        using var admin = await host.AdminAsync();
        await SaveSegmentAsync(admin, "guard-ticket-raisers", "Features.SupportTickets30d >= 1", minimumSize: 3);
        await TestWorkflows.PublishAsync(admin, OnSegment("guard-min-audience", "guard-ticket-raisers", "retargeting.exclude", new { audience = "prospecting" }));

        // The first two members make an audience ad platforms refuse: both actions leave by skipped.
        var now = DateTime.UtcNow;
        var (first, second, third) = (NewCustomer("ticket").Customer, NewCustomer("ticket").Customer, NewCustomer("ticket").Customer);
        await PostAsync(host, Event(first, "support_ticket", now), Event(second, "support_ticket", now));
        var small = await SettledActionsAsync(admin, "", count: 2, workflowId: "guard-min-audience");
        Assert.All(small, a =>
        {
            Assert.Equal("skipped", Status(a));
            Assert.Matches("^segment guard-ticket-raisers has [12] members; ad platforms refuse audiences under 3$", a.GetProperty("detail").GetString());
        });

        // The third makes it big enough: that action goes on to the approval queue.
        await PostAsync(host, Event(third, "support_ticket", now));
        var enough = Assert.Single(await SettledActionsAsync(admin, third));
        Assert.Equal("awaitingApproval", Status(enough));
        Assert.Equal("segment guard-ticket-raisers has 3 members, at least 3", Guard(enough, "audienceSize").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Ad_audience_action_without_a_segment_behind_it_is_skipped_under_the_default_minimum()
    {
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("guard-no-segment", "guard_ads_tick", "retargeting.include", new { audience = "prospecting" }));
        var (customer, _) = NewCustomer("lone");
        await PostAsync(host, Event(customer, "guard_ads_tick", DateTime.UtcNow));

        var action = Assert.Single(await SettledActionsAsync(admin, customer));
        Assert.Equal("skipped", Status(action));
        Assert.Equal("the ad audience has no segment behind it to measure; ad platforms need at least 100 people", action.GetProperty("detail").GetString());
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>("/api/approvals?workflowId=guard-no-segment") ?? []);
    }
}
