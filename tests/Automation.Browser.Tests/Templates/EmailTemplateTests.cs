using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Templates;

[Collection(BrowserCollection.Name)]
public sealed class EmailTemplateTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium, TestServices.Smtp, TestServices.Maildir)]
    public async Task Marketer_writes_a_template_previews_it_for_a_customer_and_finds_the_test_send_in_the_inbox()
    {
        await using var session = fixture.NewSession();
        using var api = fixture.Host.ApiClient();
        var customer = CustomerEvents.NewCustomerId("tpl");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Greta Template", pricingViews: 1);
        var token = Guid.NewGuid().ToString("N")[..6];
        var page = await session.SignInAsync(TestUser.Marketer, "/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Emails" }).ClickAsync();
        await Expect(page.GetByTestId("template-winback-10")).ToContainTextAsync("Win-back 10 %");
        await page.GetByRole(AriaRole.Link, new() { Name = "New template" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Spring sale {token}");
        await Expect(page.GetByLabel("Key")).ToHaveValueAsync($"spring-sale-{token}");
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync("{{ firstName }}, spring is here " + token);
        await page.GetByLabel("Preview line").FillAsync("20 % off everything");
        await page.GetByRole(AriaRole.Button, new() { Name = "HTML", Exact = true }).ClickAsync();
        await page.GetByLabel("HTML body").FillAsync("<p>Hi {{ name }}, 20 % off everything.</p><p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p>");

        await page.GetByLabel("Find a customer").FillAsync(customer);
        await Expect(page.GetByLabel("Personalized for")).ToHaveValueAsync(customer);
        await Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync($"Greta, spring is here {token}");
        await Expect(page.GetByTestId("email-preview")).ToContainTextAsync("Hi Greta Template, 20 % off everything.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send test to me" })).ToBeDisabledAsync();
        await session.SnapshotAsync("preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/templates/spring-sale-{token}$"));
        await Expect(page.GetByTestId("template-notice")).ToContainTextAsync("Saved version 1.");
        await Expect(page.GetByLabel("Personalized for")).ToHaveValueAsync(customer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test to me" }).ClickAsync();
        await Expect(page.GetByTestId("template-notice")).ToContainTextAsync($"Test email sent to {TestUser.Marketer.Email}");

        var message = await Poll.UntilAsync(
            () => Task.FromResult(Maildir.MessagesTo(TestUser.Marketer.Email).FirstOrDefault(m => (m.Subject ?? "").Contains(token, StringComparison.Ordinal))),
            m => m is not null,
            TimeSpan.FromSeconds(30));
        Assert.NotNull(message);
        Assert.Equal($"Greta, spring is here {token}", message.Subject);
        Assert.Contains("Hi Greta Template, 20 % off everything.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"customer={customer}", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
    }

    [ServiceFact(TestServices.Chromium, TestServices.Smtp, TestServices.Maildir)]
    public async Task Marketer_builds_a_template_in_the_visual_editor_with_a_personalized_text_and_a_button_and_the_test_send_arrives_personalized()
    {
        await using var session = fixture.NewSession();
        using var api = fixture.Host.ApiClient();
        var customer = CustomerEvents.NewCustomerId("vis");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Vera Visual", pricingViews: 1);
        var token = Guid.NewGuid().ToString("N")[..6];
        var page = await session.SignInAsync(TestUser.Marketer, "/templates");

        await page.GetByRole(AriaRole.Link, new() { Name = "New template" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Visual welcome {token}");
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync("Welcome " + token);
        var canvas = page.FrameLocator(".gjs-frame");
        await Expect(canvas.GetByText("Unsubscribe")).ToBeVisibleAsync();

        // Blocks from the preset, added from the toolbar (the same blocks drag from the editor's block panel).
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Button" }).ClickAsync();
        await Expect(canvas.GetByText("Button", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Text" }).ClickAsync();
        await Expect(canvas.GetByText("Insert your text here")).ToBeVisibleAsync();
        await page.GetByLabel("Personalize", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "First name" });
        await Expect(canvas.GetByText("Insert your text here {{ firstName }}")).ToBeVisibleAsync();

        await page.GetByLabel("Find a customer").FillAsync(customer);
        await Expect(page.GetByLabel("Personalized for")).ToHaveValueAsync(customer);
        await Expect(page.GetByTestId("email-preview")).ToContainTextAsync("Insert your text here Vera");
        await Expect(page.GetByTestId("email-preview")).ToContainTextAsync("Button");
        await session.SnapshotAsync("visual-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/templates/visual-welcome-{token}$"));
        await Expect(page.GetByTestId("template-notice")).ToContainTextAsync("Saved version 1.");
        await page.GetByRole(AriaRole.Button, new() { Name = "HTML", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("HTML body")).ToHaveValueAsync(new Regex(@"Insert your text here\s+\{\{ firstName \}\}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test to me" }).ClickAsync();
        await Expect(page.GetByTestId("template-notice")).ToContainTextAsync($"Test email sent to {TestUser.Marketer.Email}");

        var message = await Poll.UntilAsync(
            () => Task.FromResult(Maildir.MessagesTo(TestUser.Marketer.Email).FirstOrDefault(m => (m.Subject ?? "").Contains(token, StringComparison.Ordinal))),
            m => m is not null,
            TimeSpan.FromSeconds(30));
        Assert.NotNull(message);
        Assert.Matches(@"Insert your text here\s+Vera", message.HtmlBody);
        Assert.DoesNotContain("{{", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"customer={customer}", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        await session.FinishAsync();
    }
}
