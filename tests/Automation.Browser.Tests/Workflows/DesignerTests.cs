using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Workflows;

[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_builds_a_four_step_workflow_fixes_the_missing_input_and_publishes_it()
    {
        await using var session = fixture.NewSession();
        session.ExpectFailedResponse(400, "/api/workflows"); // the first Save draft, with the email's template left empty
        var page = await session.SignInAsync(TestUser.Marketer, "/workflows/new");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Pricing page follow-up");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Workflow id" })).ToHaveValueAsync("pricing-page-follow-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit trigger" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Trigger type" }).SelectOptionAsync("segment.entered");
        await Designer.PickAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Segment", Exact = true }), "high-intent", "High-intent pricing visitors");
        await Expect(page.GetByTestId("node-trigger")).ToContainTextAsync("High-intent pricing visitors");

        await Designer.DropFromPaletteAsync(page, "palette-condition", 250, 250);
        await Expect(page.GetByTestId("node-condition")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Expression" }).FillAsync("Features.PricingViews7d >= 2");
        await Expect(page.GetByText("✓ Valid expression")).ToBeVisibleAsync();

        await Designer.DropFromPaletteAsync(page, "palette-action-email.send", 800, 250);
        await Expect(page.GetByTestId("node-email-send")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add End", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("node-end")).ToBeVisibleAsync();
        await Designer.AutoLayoutAsync(page); // every step in view, none on another

        await Designer.ConnectAsync(page, "trigger", "start", "condition");
        await Designer.ConnectAsync(page, "condition", "true", "email-send");
        await Expect(page.GetByTestId("rf__edge-condition:true->email-send")).ToBeAttachedAsync();
        await Designer.ConnectAsync(page, "email-send", "done", "end");
        await Expect(page.GetByTestId("rf__edge-email-send:done->end")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("rf__edge-trigger->start")).ToBeAttachedAsync();
        await Designer.AutoLayoutAsync(page);
        await session.SnapshotAsync("connected");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("node-problem-email-send")).ToContainTextAsync("'template' is required");
        await Expect(page.GetByTestId("node-problems-summary")).ToContainTextAsync("email-send");
        await session.SnapshotAsync("missing-template");

        await page.GetByTestId("node-email-send").ClickAsync();
        await Designer.PickAsync(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Template") }), "specialist", "High intent: talk to a specialist");
        await Expect(page.GetByTestId("template-picked")).ToContainTextAsync("questions about our plans?");
        await Expect(page.GetByTestId("node-email-send")).ToContainTextAsync("Send “High intent: talk to a specialist”"); // the template by its name
        await Expect(page.GetByTestId("node-problem-email-send")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/pricing-page-follow-up$"));
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("draft version 1 saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Publish this workflow?" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("publish-changes")).ToContainTextAsync("First version, with 3 steps");
        await Expect(page.GetByTestId("publish-changes")).ToContainTextAsync("Starts when a customer enters “High-intent pricing visitors”"); // words and names, not "segment.entered high-intent"
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm publish" }).ClickAsync();
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("Published version 1.");
        await session.SnapshotAsync("published");

        await page.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).ClickAsync();
        var row = page.GetByTestId("workflow-pricing-page-follow-up");
        await Expect(row.GetByText("published", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("live: v1");

        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        var listed = await reader.GetAsync("/api/workflows");
        var workflow = listed.EnumerateArray().Single(w => w.GetProperty("id").GetString() == "pricing-page-follow-up");
        Assert.Equal("published", workflow.GetProperty("status").GetString());
        Assert.Equal(1, workflow.GetProperty("publishedVersion").GetInt32());

        var definition = (await reader.GetAsync("/api/workflows/pricing-page-follow-up")).GetProperty("definition");
        Assert.Equal("high-intent", definition.GetProperty("trigger").GetProperty("segment").GetString());
        var steps = definition.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["condition", "email-send", "end"], steps.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Features.PricingViews7d >= 2", steps[0].GetProperty("expression").GetString());
        Assert.Equal("high-intent", steps[1].GetProperty("input").GetProperty("template").GetString());
        var connections = definition.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()}:{c.GetProperty("port").GetString()}->{c.GetProperty("to").GetString()}");
        Assert.Equal(["condition:true->email-send", "email-send:done->end"], connections.Order());

        await session.FinishAsync();
    }

    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_types_1_day_into_a_wait_sees_it_in_words_on_the_step_and_publishes_it()
    {
        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Marketer, "/workflows/new");
        var id = "one-day-wait-" + Guid.NewGuid().ToString("N")[..6];

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit trigger" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Trigger type" }).SelectOptionAsync("segment.entered");
        await Designer.PickAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Segment", Exact = true }), "high-intent", "High-intent pricing visitors");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Wait", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("node-wait-for-duration")).ToBeVisibleAsync();

        var amount = page.GetByRole(AriaRole.Textbox, new() { Name = "Duration: how many" });
        await amount.FillAsync("1 day");
        await Expect(amount).ToHaveValueAsync("1");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Duration: unit" })).ToHaveValueAsync("days");
        await Expect(page.GetByTestId("node-wait-for-duration")).ToContainTextAsync("Wait 1 day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add End", Exact = true }).ClickAsync();
        await Designer.AutoLayoutAsync(page);
        await Designer.ConnectAsync(page, "trigger", "start", "wait-for-duration");
        await Designer.ConnectAsync(page, "wait-for-duration", "done", "end");
        await Expect(page.GetByTestId("rf__edge-wait-for-duration:done->end")).ToBeAttachedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("draft version 1 saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm publish" }).ClickAsync();
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("Published version 1.");
        await session.SnapshotAsync("published");

        // The second version's changes name the step and say what it does now, not "changed settings of 'wait-for-duration'".
        await page.GetByTestId("node-wait-for-duration").ClickAsync();
        await amount.FillAsync("2");
        await Expect(page.GetByTestId("node-wait-for-duration")).ToContainTextAsync("Wait 2 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("draft version 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        var changes = page.GetByTestId("publish-changes");
        await Expect(changes).ToHaveTextAsync("Changed “Wait”: Wait 2 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm publish" }).ClickAsync();
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("Published version 2.");

        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        var definition = (await reader.GetAsync($"/api/workflows/{id}")).GetProperty("definition");
        var wait = definition.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "wait-for-duration");
        Assert.Equal("P2D", wait.GetProperty("duration").GetString());
        await session.FinishAsync();
    }
}
