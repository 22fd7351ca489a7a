using System.Globalization;
using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Workflows;

[Collection(BrowserCollection.Name)]
public sealed class PlusDesignerTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_builds_a_workflow_with_plus_only_and_publishes_it_for_the_segments_current_members()
    {
        await using var session = fixture.NewSession();
        using var api = fixture.Host.ApiClient();
        using var marketer = await fixture.ApiAsAsync(TestUser.Marketer);
        // Two busy readers in a segment of their own, so the designer has current members to start.
        foreach (var reader in new[] { CustomerEvents.NewCustomerId("plus"), CustomerEvents.NewCustomerId("plus") })
        {
            await CustomerEvents.PricingVisitorAsync(api, reader, "Petra Plus", pricingViews: 0);
            await CustomerEvents.PageViewsAsync(api, reader, 12);
            await CustomerEvents.ProcessedAsync(marketer, reader, 13);
        }

        await marketer.PutAsync("/api/segments/plus-readers", new { name = "Plus: busy readers", expression = "Features.PageViews7d >= 12" });
        await Poll.UntilAsync(() => marketer.GetAsync("/api/segments/plus-readers/members"), m => m.GetProperty("total").GetInt32() >= 2, TimeSpan.FromSeconds(30));

        var page = await session.SignInAsync(TestUser.Marketer, "/workflows/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Plus reader welcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit trigger" }).ClickAsync();
        await Designer.PickAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Segment", Exact = true }), "busy readers", "Plus: busy readers");
        await Expect(page.GetByTestId("node-trigger")).ToContainTextAsync("Enters “Plus: busy readers”");
        await Expect(page.GetByTestId("designer-why")).ToHaveTextAsync("Save first to validate, dry run or publish.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the first step" }).ClickAsync();
        var picker = page.GetByRole(AriaRole.Dialog, new() { Name = "Add a step" });
        await picker.GetByRole(AriaRole.Searchbox, new() { Name = "Search steps" }).FillAsync("wait");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Wait", Exact = true }).ClickAsync();
        await page.GetByLabel("Duration: how many").FillAsync("1");
        await page.GetByLabel("Duration: unit").SelectOptionAsync("days");
        var wait = page.GetByTestId("node-wait-for-duration");
        await Expect(wait).ToContainTextAsync("Wait 1 day");
        await Expect(wait).Not.ToContainTextAsync("waitForDuration"); // internal names wait behind the advanced view

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a step after Wait" }).ClickAsync();
        await picker.GetByRole(AriaRole.Searchbox, new() { Name = "Search steps" }).FillAsync("email");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Send email", Exact = true }).ClickAsync();
        await Designer.PickAsync(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Template") }), "win-back", "Win-back 10 %");
        var email = page.GetByTestId("node-email-send");
        await Expect(email).ToContainTextAsync("Send “Win-back 10 %”");
        await Expect(email).Not.ToContainTextAsync("email.send");
        await Expect(page.GetByTestId("rf__edge-wait-for-duration:done->email-send")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("rf__edge-trigger->start")).ToBeAttachedAsync();
        await session.SnapshotAsync("built-with-plus");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/plus-reader-welcome$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish this workflow?" });
        var audience = dialog.GetByTestId("publish-audience");
        await Expect(audience).ToContainTextAsync(new Regex(@"\d+ customers are in “Plus: busy readers” now"));
        var members = int.Parse(Regex.Match(await audience.InnerTextAsync(), @"(\d+) customers are in").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(members >= 2, $"the dialog counts {members} current members");
        var start = dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Also start for the segment’s current members" });
        await Expect(start).Not.ToBeCheckedAsync();
        var changes = dialog.GetByTestId("publish-changes");
        await Expect(changes).ToContainTextAsync("Starts when a customer enters “Plus: busy readers”"); // not "trigger segment.entered plus-readers"
        await Expect(changes).Not.ToContainTextAsync("segment.entered");
        await start.CheckAsync();
        await session.SnapshotAsync("publish-for-members");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm publish" }).ClickAsync();

        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync($"Started for {members} current members.");
        await Expect(page.GetByTestId("live-panel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("waiting-wait-for-duration")).ToHaveTextAsync($"{members} waiting");
        await session.SnapshotAsync("started-for-members");
    }
}
