using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Workflows;

/// <summary>The designer's simple view speaks marketing; the advanced view shows the machinery; pickers work by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerViewsTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Shipped_workflow_reads_in_plain_words_until_the_advanced_view_shows_ids_internal_types_and_every_port()
    {
        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Marketer, "/workflows/cart-recovery");
        var palette = page.GetByRole(AriaRole.Complementary, new() { Name = "Activities" });
        var mail = page.GetByTestId("node-mail");
        var hour = page.GetByTestId("node-hour");
        await Expect(mail).ToBeVisibleAsync();

        // The simple view: names, plain lines and the ports a marketer uses; no internal type, no id.
        await Expect(palette.GetByTestId("palette-waitForDuration")).ToContainTextAsync("Waits a while (e.g. 3 days), then goes on");
        await Expect(palette).Not.ToContainTextAsync("email.send");
        await Expect(palette).Not.ToContainTextAsync("waitForDuration");
        await Expect(palette).Not.ToContainTextAsync("ISO 8601");
        await Expect(mail).ToContainTextAsync("Send “Cart reminder”");
        await Expect(mail).Not.ToContainTextAsync("email.send");
        await Expect(hour).Not.ToContainTextAsync("waitForEvent");
        await Expect(hour.GetByTestId("port-hour-timeout")).ToHaveTextAsync("time ran out");
        await Expect(page.Locator(".flow-node-meta")).ToHaveCountAsync(0);
        // A rare port stays drawn where the workflow already uses it; an unused one waits behind the advanced view.
        await Expect(mail.GetByTestId("port-mail-failed")).ToBeVisibleAsync();
        await Expect(mail.GetByTestId("port-mail-rejected")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("rf__edge-mail:failed->done")).ToBeAttachedAsync();

        await mail.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Activity id" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Template") })).ToHaveValueAsync("Cart reminder"); // by name, once the library loaded
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Then", Exact = true })).ToHaveValueAsync("day");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "When failed" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "When rejected" })).ToHaveCountAsync(0);
        await session.SnapshotAsync("simple-view");

        // The advanced view, switched on from the keyboard, and remembered after a reload.
        var advanced = page.GetByRole(AriaRole.Checkbox, new() { Name = "Advanced view" });
        await advanced.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(advanced).ToBeCheckedAsync();
        await Expect(palette).ToContainTextAsync("email.send");
        await Expect(mail.Locator(".flow-node-meta")).ToContainTextAsync("email.send");
        await Expect(mail.Locator(".flow-node-meta")).ToContainTextAsync("mail");
        await Expect(hour.GetByTestId("port-hour-timeout")).ToHaveTextAsync("timeout");
        await Expect(mail.GetByTestId("port-mail-rejected")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Activity id" })).ToHaveValueAsync("mail");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "When rejected" })).ToBeVisibleAsync();
        await session.SnapshotAsync("advanced-view");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("node-mail").Locator(".flow-node-meta")).ToContainTextAsync("email.send");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Advanced view" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Advanced view" }).UncheckAsync();
        await Expect(page.Locator(".flow-node-meta")).ToHaveCountAsync(0);
        await session.FinishAsync();
    }

    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_picks_the_segment_and_the_email_with_the_keyboard_only()
    {
        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Marketer, "/workflows/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit trigger" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Typing narrows the list, which shows each segment's size; the arrow keys move, Enter picks.
        var segment = page.GetByRole(AriaRole.Combobox, new() { Name = "Segment", Exact = true });
        await segment.FocusAsync();
        await page.Keyboard.TypeAsync("pricing vis");
        var segments = page.GetByRole(AriaRole.Listbox, new() { Name = "Segment" });
        await Expect(segments.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Expect(segments.GetByRole(AriaRole.Option)).ToContainTextAsync(new Regex(@"High-intent pricing visitors\s*[\d,]+ now"));
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(segment).ToHaveAttributeAsync("aria-activedescendant", new Regex(".+"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(segment).ToHaveValueAsync("High-intent pricing visitors");
        await Expect(segments).ToBeHiddenAsync();
        await Expect(page.GetByTestId("node-trigger")).ToContainTextAsync("High-intent pricing visitors");

        // Escape closes the list and keeps the choice, even after something else was typed.
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("champ");
        await Expect(segments.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(segments).ToBeHiddenAsync();
        await Expect(segment).ToHaveValueAsync("High-intent pricing visitors");
        await page.Keyboard.PressAsync("Escape");
        await Expect(segment).ToHaveValueAsync("High-intent pricing visitors");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add Send email", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var template = page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Template") });
        await template.FocusAsync();
        await page.Keyboard.TypeAsync("win-back");
        var emails = page.GetByRole(AriaRole.Listbox, new() { NameRegex = new Regex("^Template") });
        var winback = emails.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Win-back 10 %") });
        await Expect(winback.GetByTestId("thumbnail-winback-10")).ToBeAttachedAsync();
        await Expect(emails.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await session.SnapshotAsync("email-picker-open");
        var axe = await page.RunAxe();
        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, "with the email picker open:\n" + string.Join("\n", blocking));
        await page.Keyboard.PressAsync("Enter");
        await Expect(template).ToHaveValueAsync("Win-back 10 %");
        await Expect(page.GetByTestId("node-email-send")).ToContainTextAsync("Send “Win-back 10 %”");
        await Expect(page.GetByTestId("template-picked")).ToContainTextAsync("we miss you");
        await session.FinishAsync();
    }
}
