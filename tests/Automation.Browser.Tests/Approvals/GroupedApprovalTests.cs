using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Approvals;

[Collection(BrowserCollection.Name)]
public sealed class GroupedApprovalTests(BrowserFixture fixture)
{
    private const int Audience = 12;
    private const int PricingViews = 13; // more than any other test's customers: the segment holds only these

    [ServiceFact(TestServices.Chromium)]
    public async Task Approver_opens_a_grouped_approval_removes_two_customers_approves_and_the_rest_go_out()
    {
        await using var session = fixture.NewSession();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (segment, workflowId) = ($"heavy-pricing-{suffix}", $"spring-lookalikes-{suffix}");
        using var api = fixture.Host.ApiClient();
        var customers = Enumerable.Range(0, Audience).Select(i => $"grp-{suffix}-{i:00}").ToList();
        foreach (var customer in customers)
        {
            await CustomerEvents.PricingVisitorAsync(api, customer, $"Gina Group {customer[^2..]}", PricingViews);
        }

        using var lead = await fixture.ApiAsAsync(TestUser.MarketingLead);
        await lead.PutAsync($"/api/segments/{segment}", new { name = segment, expression = $"Features.PricingViews30d >= {PricingViews}" });
        await Poll.UntilAsync(() => lead.GetAsync($"/api/segments/{segment}/members?take=100"), m => m.GetProperty("total").GetInt32() >= Audience, TimeSpan.FromSeconds(30));

        // A one-off audience send set a minute ago fires at once: every member reaches the budget-affecting step together.
        await lead.PostAsync("/api/workflows", new
        {
            id = workflowId,
            name = "Spring lookalikes",
            trigger = new { type = "schedule", segment, at = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture) },
            reentry = new { policy = "once" },
            activities = new object[]
            {
                new { id = "include", type = "action", action = "retargeting.include", input = new { audience = "lookalikes" } },
                new { id = "end", type = "end" },
            },
            connections = new[] { new { from = "include", port = "done", to = "end" } },
        });
        await lead.PostAsync($"/api/workflows/{workflowId}/publish");
        await Poll.UntilAsync(
            () => lead.GetAsync($"/api/approvals/groups?status=pending&workflowId={workflowId}"),
            g => g.GetArrayLength() == 1 && g[0].GetProperty("audienceSize").GetInt32() >= Audience,
            TimeSpan.FromSeconds(30));

        var page = await session.SignInAsync(TestUser.Approver, "/approvals");
        var group = page.GetByTestId("approval-group").Filter(new() { HasText = "Spring lookalikes" });
        await Expect(group).ToContainTextAsync($"Add to ad audience for {Audience} customers"); // the action by its name, not its type
        await Expect(group).Not.ToContainTextAsync("retargeting.include");
        await Expect(group.GetByTestId("group-cost")).ToContainTextAsync("0.60");
        await Expect(group.GetByTestId("group-cost")).ToContainTextAsync("left of today’s budget");
        await Expect(group.GetByTestId("group-member").First).ToContainTextAsync("pricing views");
        var removed = customers.Take(2).ToList();
        foreach (var customer in removed)
        {
            await group.GetByLabel($"Remove {customer}").CheckAsync();
        }

        await group.GetByLabel("Comment").FillAsync("Spring push; two are already customers");
        await group.GetByRole(AriaRole.Button, new() { Name = $"Approve {Audience - 2} (without 2)" }).ClickAsync();
        await Expect(page.GetByTestId("group-result")).ToContainTextAsync($"Approved “Add to ad audience” for Spring lookalikes: {Audience - 2} go out, 2 do not (2 removed)");
        await Expect(group).ToHaveCountAsync(0); // decided: no longer waiting
        await session.SnapshotAsync("grouped-approval-decided");

        var actions = await Poll.UntilAsync(
            () => lead.GetAsync($"/api/actions?workflowId={workflowId}"),
            list => list.GetArrayLength() == Audience && list.EnumerateArray().All(a => a.GetProperty("status").GetString() is "completed" or "rejected"),
            TimeSpan.FromSeconds(30));
        var status = actions.EnumerateArray().ToDictionary(a => a.GetProperty("customerId").GetString()!, a => a.GetProperty("status").GetString());
        Assert.All(customers.Skip(2), c => Assert.Equal("completed", status[c]));
        Assert.All(removed, c => Assert.Equal("rejected", status[c]));
        await session.FinishAsync();
    }
}
