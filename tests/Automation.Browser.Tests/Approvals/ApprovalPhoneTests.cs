using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Approvals;

/// <summary>An approver on the go: the inbox on a 390 px phone, and the budget figure counting what was approved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalPhoneTests(BrowserFixture fixture)
{
    private const string WorkflowId = "phone-gift-approval";

    private static readonly object GiftWorkflow = new
    {
        id = WorkflowId,
        name = "Gift for high-intent visitors",
        trigger = new { type = "segment.entered", segment = "high-intent" },
        reentry = new { policy = "once" },
        activities = new object[]
        {
            new { id = "gift", type = "approval", displayName = "Approve a 25.00 gift", question = "Send a 25.00 gift?", estimatedCost = 25 },
            new { id = "end", type = "end" },
        },
        connections = new[] { new { from = "gift", port = "approved", to = "end" }, new { from = "gift", port = "rejected", to = "end" } },
    };

    [ServiceFact(TestServices.Chromium)]
    public async Task Approver_approves_from_a_390_px_phone_and_the_budget_counts_the_approved_gift()
    {
        await using var session = fixture.NewSession();
        using (var lead = await fixture.ApiAsAsync(TestUser.MarketingLead))
        {
            await lead.PostAsync("/api/workflows", GiftWorkflow);
            await lead.PostAsync($"/api/workflows/{WorkflowId}/publish");
        }

        using var api = fixture.Host.ApiClient();
        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        var customers = new[] { CustomerEvents.NewCustomerId("gift"), CustomerEvents.NewCustomerId("gift") };
        foreach (var customer in customers)
        {
            await CustomerEvents.PricingVisitorAsync(api, customer, "Gina Gift", pricingViews: 2);
        }

        var pending = await Poll.UntilAsync(
            () => reader.GetAsync($"/api/approvals?status=pending&workflowId={WorkflowId}"),
            list => customers.All(c => list.EnumerateArray().Any(a => a.GetProperty("customerId").GetString() == c)),
            TimeSpan.FromSeconds(30));
        string IdOf(string customer) => pending.EnumerateArray().First(a => a.GetProperty("customerId").GetString() == customer).GetProperty("id").GetString()!;
        var spentBefore = pending.EnumerateArray().First().GetProperty("budgetUsedToday").GetDecimal();

        var page = await session.SignInAsync(TestUser.Approver, "/approvals", new ViewportSize { Width = 390, Height = 844 });
        var row = page.GetByTestId($"approval-{IdOf(customers[0])}");
        await Expect(row).ToContainTextAsync("Approval step in Gift for high-intent visitors v1, step “Approve a 25.00 gift”"); // the step by its name, not “gift”
        var approve = row.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true });
        await approve.ScrollIntoViewIfNeededAsync();
        await Expect(approve).ToBeInViewportAsync();
        var box = await approve.BoundingBoxAsync();
        Assert.True(box is { Width: >= 44 } or { Height: >= 32 }, $"the Approve button is too small to tap: {box?.Width}×{box?.Height}");
        Assert.True(box!.X + box.Width <= 390, "the Approve button is cut off at the phone's right edge");
        await session.SnapshotAsync("before");
        await approve.ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        // The approved gift is money committed today: the next card's budget line counts it.
        var next = page.GetByTestId($"approval-{IdOf(customers[1])}");
        await Expect(next).ToContainTextAsync($"Budget today: {spentBefore + 25:0.00} used");
        var after = await reader.GetAsync($"/api/approvals?status=pending&workflowId={WorkflowId}");
        var left = after.EnumerateArray().First(a => a.GetProperty("customerId").GetString() == customers[1]);
        Assert.Equal(spentBefore + 25, left.GetProperty("budgetUsedToday").GetDecimal());
        var fit = await page.EvaluateAsync<JsonElement>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(fit.GetInt32() <= 0, $"the approvals page scrolls sideways by {fit} px at 390 px");
        await session.FinishAsync();
    }
}
