using System.Net.Http.Json;
using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Workflows;

[Collection(BrowserCollection.Name)]
public sealed class LiveViewTests(BrowserFixture fixture)
{
    private const string WorkflowId = "purchase-watch";
    private const string WaitStep = "wait-for-purchase";

    private static readonly object WaitForPurchase = new
    {
        id = WorkflowId,
        name = "Watch high-intent visitors for a purchase",
        description = "Waits a week for the purchase after someone enters high-intent.",
        trigger = new { type = "segment.entered", segment = "high-intent" },
        reentry = new { policy = "once" },
        activities = new object[]
        {
            new { id = WaitStep, type = "waitForEvent", displayName = "Wait for a purchase", @event = "purchase", timeout = "P7D" },
            new { id = "end", type = "end" },
        },
        connections = new[]
        {
            new { from = WaitStep, port = "event", to = "end" },
            new { from = WaitStep, port = "timeout", to = "end" },
        },
    };

    [ServiceFact(TestServices.Chromium)]
    public async Task Events_move_a_customer_into_the_segment_and_the_live_view_shows_the_instance()
    {
        await using var session = fixture.NewSession();
        using (var marketer = await fixture.ApiAsAsync(TestUser.Marketer))
        {
            await marketer.PostAsync("/api/workflows", WaitForPurchase);
            await marketer.PostAsync($"/api/workflows/{WorkflowId}/publish");
        }

        using var api = fixture.Host.ApiClient(); // ingests; reading needs a person
        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        var customer = CustomerEvents.NewCustomerId("live");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Lina Live", pricingViews: 2);
        var instances = await Poll.UntilAsync(
            () => reader.GetAsync($"/api/workflows/{WorkflowId}/instances"),
            list => list.EnumerateArray().Any(i => i.GetProperty("customerId").GetString() == customer && i.GetProperty("status").GetString() == "waiting"),
            TimeSpan.FromSeconds(20));
        var instance = Assert.Single(instances.EnumerateArray(), i => i.GetProperty("customerId").GetString() == customer);
        Assert.Equal("waiting", instance.GetProperty("status").GetString());
        Assert.Equal(WaitStep, instance.GetProperty("currentActivityId").GetString());
        var instanceId = instance.GetProperty("id").GetString();

        var page = await session.SignInAsync(TestUser.Marketer, $"/workflows/{WorkflowId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Live view" }).ClickAsync();
        await Expect(page.GetByText("Live view of published version 1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"waiting-{WaitStep}")).ToHaveTextAsync("1 waiting");

        var row = page.GetByTestId($"instance-{instanceId}");
        await Expect(row).ToContainTextAsync(customer);
        await Expect(row).ToContainTextAsync("waiting");
        await Expect(row).ToContainTextAsync(WaitStep);
        await row.ClickAsync();
        await Expect(page.GetByTestId("instance-steps")).ToContainTextAsync(customer);
        await Expect(page.GetByTestId("instance-steps")).ToContainTextAsync("Wait for a purchase"); // the step by its name

        await session.FinishAsync();
    }
}
