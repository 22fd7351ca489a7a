using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Workflows;

[Collection(BrowserCollection.Name)]
public sealed class NewStepsDesignerTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_builds_a_workflow_with_a_variable_a_switch_notes_and_a_goal_and_publishes_it()
    {
        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Marketer, "/workflows/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Pricing tiers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Variable name" }).FillAsync("views");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Starting value" }).FillAsync("0");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Goal name" }).FillAsync("first purchase");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Goal event" }).FillAsync("purchase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit trigger" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Trigger type" }).SelectOptionAsync("segment.entered");
        await Designer.PickAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Segment", Exact = true }), "high-intent", "High-intent pricing visitors");

        await Designer.DropFromPaletteAsync(page, "palette-setVariable", 250, 150);
        await Expect(page.GetByTestId("node-set-variable")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Variable", Exact = true }).FillAsync("views");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).FillAsync("Features.PricingViews7d");

        await Designer.DropFromPaletteAsync(page, "palette-switch", 550, 150);
        await Expect(page.GetByTestId("node-switch")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Port", Exact = true }).FillAsync("keen");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Condition", Exact = true }).FillAsync("Variables.Number(\"views\") >= 3");
        await Expect(page.Locator("[data-testid=\"node-switch\"] .react-flow__handle[data-handleid=\"keen\"]")).ToBeAttachedAsync();
        await Expect(page.Locator("[data-testid=\"node-switch\"] .react-flow__handle[data-handleid=\"default\"]")).ToBeAttachedAsync();

        await Designer.DropFromPaletteAsync(page, "palette-note", 850, 100);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true }).FillAsync("keen visitor");
        await Designer.DropFromPaletteAsync(page, "palette-note", 850, 300);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Text", Exact = true }).FillAsync("casual visitor");
        // A new step follows the selected one: the second note came after the first; each note ends its own branch.
        await Expect(page.GetByTestId("rf__edge-note:done->note-2")).ToBeAttachedAsync();
        await page.GetByTestId("node-note").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Then", Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "" });
        await Expect(page.GetByTestId("rf__edge-note:done->note-2")).ToHaveCountAsync(0);
        await Designer.AutoLayoutAsync(page);

        await Designer.ConnectAsync(page, "trigger", "start", "set-variable");
        await Designer.ConnectAsync(page, "set-variable", "done", "switch");
        // A switch's ports sit close together on the node; its next steps are chosen in the properties panel.
        await page.GetByTestId("node-switch").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "When keen" }).SelectOptionAsync("note");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Otherwise", Exact = true }).SelectOptionAsync("note-2");
        await Expect(page.GetByTestId("rf__edge-switch:keen->note")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("rf__edge-switch:default->note-2")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("node-switch")).ToContainTextAsync("keen · default");
        await session.SnapshotAsync("switch-connected");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/pricing-tiers$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm publish" }).ClickAsync();
        await Expect(page.GetByTestId("designer-notice")).ToContainTextAsync("Published version 1.");

        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        var definition = (await reader.GetAsync("/api/workflows/pricing-tiers")).GetProperty("definition");
        var steps = definition.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Equal("views", steps["set-variable"].GetProperty("variable").GetString());
        var variable = Assert.Single(definition.GetProperty("variables").EnumerateArray());
        Assert.Equal(("views", 0), (variable.GetProperty("name").GetString(), variable.GetProperty("value").GetInt32()));
        var goal = definition.GetProperty("goal");
        Assert.Equal(("first purchase", "purchase"), (goal.GetProperty("name").GetString(), goal.GetProperty("event").GetString()));
        var @case = Assert.Single(steps["switch"].GetProperty("cases").EnumerateArray());
        Assert.Equal(("keen", "Variables.Number(\"views\") >= 3"), (@case.GetProperty("port").GetString(), @case.GetProperty("condition").GetString()));
        var connections = definition.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from").GetString()}:{c.GetProperty("port").GetString()}->{c.GetProperty("to").GetString()}");
        Assert.Equal(["set-variable:done->switch", "switch:default->note-2", "switch:keen->note"], connections.Order(StringComparer.Ordinal));

        await session.FinishAsync();
    }
}
