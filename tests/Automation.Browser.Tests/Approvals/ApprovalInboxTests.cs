using System.Net.Http.Json;
using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Approvals;

[Collection(BrowserCollection.Name)]
public sealed class ApprovalInboxTests(BrowserFixture fixture)
{
    private const string WorkflowId = "stop-prospecting-ads";
    private const string Comment = "Already a hot lead: stop paying for prospecting ads.";

    private static readonly object StopProspecting = new
    {
        id = WorkflowId,
        name = "Stop prospecting ads for high-intent visitors",
        trigger = new { type = "segment.entered", segment = "high-intent" },
        reentry = new { policy = "once" },
        activities = new object[]
        {
            new { id = "exclude", type = "action", displayName = "Remove from prospecting", action = "retargeting.exclude", input = new { audience = "prospecting" } },
            new { id = "end", type = "end" },
        },
        connections = new[] { new { from = "exclude", port = "done", to = "end" } },
    };

    [ServiceFact(TestServices.Chromium)]
    public async Task Approver_approves_a_queued_budget_affecting_action_and_the_publisher_cannot()
    {
        await using var session = fixture.NewSession();
        // The marketing lead designs and approves; having published this version, four-eyes keeps them from deciding.
        using (var lead = await fixture.ApiAsAsync(TestUser.MarketingLead))
        {
            await lead.PostAsync("/api/workflows", StopProspecting);
            await lead.PostAsync($"/api/workflows/{WorkflowId}/publish");
        }

        using var api = fixture.Host.ApiClient(); // ingests; reading needs a person
        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        var customer = CustomerEvents.NewCustomerId("ads");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Ada Ads", pricingViews: 2);
        var pending = await Poll.UntilAsync(
            () => reader.GetAsync($"/api/approvals?status=pending&workflowId={WorkflowId}"),
            list => list.EnumerateArray().Any(a => a.GetProperty("customerId").GetString() == customer),
            TimeSpan.FromSeconds(20));
        var approval = Assert.Single(pending.EnumerateArray(), a => a.GetProperty("customerId").GetString() == customer);
        var id = approval.GetProperty("id").GetString();

        var leadPage = await session.SignInAsync(TestUser.MarketingLead, "/approvals");
        var leadRow = leadPage.GetByTestId($"approval-{id}");
        await Expect(leadRow).ToContainTextAsync("Remove from ad audience");
        await Expect(leadRow.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeDisabledAsync();
        await Expect(leadRow.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true })).ToBeDisabledAsync();
        await Expect(leadPage.GetByTestId($"cannot-decide-{id}")).ToContainTextAsync("you published this workflow version");
        await Expect(leadPage.GetByTestId($"cannot-decide-{id}")).ToContainTextAsync("four-eyes");
        await session.SnapshotAsync("four-eyes");

        var page = await session.SignInAsync(TestUser.Approver, "/approvals");
        var row = page.GetByTestId($"approval-{id}");
        await Expect(row).ToContainTextAsync($"{customer}@example.test");
        // The action and the step by their names: neither the type nor the step's id shows.
        await Expect(row).ToContainTextAsync("Remove from ad audience in Stop prospecting ads for high-intent visitors v1, step “Remove from prospecting”");
        await Expect(row).Not.ToContainTextAsync("retargeting.exclude");
        await Expect(row).Not.ToContainTextAsync("(step");
        await Expect(row).ToContainTextAsync("Estimated cost 0.05");
        var why = row.GetByRole(AriaRole.List, new() { Name = "Why" });
        await Expect(why).ToContainTextAsync("pricing views in 7 days: 2");
        await Expect(why).ToContainTextAsync("purchases: 0");
        await Expect(page.GetByTestId($"cannot-decide-{id}")).ToHaveCountAsync(0);
        await row.GetByLabel("Comment").FillAsync(Comment);
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0); // decided: no longer waiting

        var actions = await Poll.UntilAsync(
            () => reader.GetAsync($"/api/actions?customerId={customer}&workflowId={WorkflowId}"),
            list => list.EnumerateArray().Any(a => a.GetProperty("status").GetString() is "dispatched" or "completed"),
            TimeSpan.FromSeconds(20));
        var action = Assert.Single(actions.EnumerateArray());
        Assert.Equal("retargeting.exclude", action.GetProperty("actionType").GetString());
        Assert.Contains(action.GetProperty("status").GetString(), new[] { "dispatched", "completed" });
        Assert.True(action.GetProperty("budgetAffecting").GetBoolean());

        await page.GetByLabel("Status").SelectOptionAsync("approved");
        var decision = page.GetByTestId($"decision-{id}");
        await Expect(decision).ToContainTextAsync("approved by approver@automation.local");
        await Expect(decision).ToContainTextAsync(Comment);

        await session.FinishAsync();
    }
}
