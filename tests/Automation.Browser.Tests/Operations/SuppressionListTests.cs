using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Operations;

[Collection(BrowserCollection.Name)]
public sealed class SuppressionListTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_suppresses_an_address_sees_it_listed_and_removes_it_after_confirming()
    {
        await using var session = fixture.NewSession();
        var address = $"quiet-{Guid.NewGuid():N}"[..14] + "@example.test";
        var page = await session.SignInAsync(TestUser.Marketer, "/actions");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Operations" }).GetByRole(AriaRole.Link, new() { Name = "Suppressions" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Suppress" });

        // The API's problem shows under the field it names.
        session.ExpectFailedResponse(400, "/api/suppressions");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Email address" }).FillAsync("not-an-address");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to suppression list" }).ClickAsync();
        await Expect(form.GetByTestId("suppression-value-problem")).ToContainTextAsync("give an email address");

        await form.GetByRole(AriaRole.Textbox, new() { Name = "Email address" }).FillAsync(address);
        await form.GetByLabel("Reason").FillAsync("asked by phone");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to suppression list" }).ClickAsync();
        await Expect(page.GetByTestId("suppressions-notice")).ToContainTextAsync($"Suppressed {address}");
        var row = page.GetByTestId($"suppression-{address}");
        await Expect(row).ToContainTextAsync("asked by phone");
        await Expect(row).ToContainTextAsync(TestUser.Marketer.Email);
        await Expect(form.GetByTestId("suppression-value-problem")).ToHaveCountAsync(0);

        // Listed by the server, not only on the page.
        await page.ReloadAsync();
        await Expect(row).ToBeVisibleAsync();
        await session.SnapshotAsync("listed");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Remove {address}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Remove from the suppression list?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Remove {address}" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("suppressions-notice")).ToContainTextAsync($"Removed {address}");
        await Expect(row).ToHaveCountAsync(0);

        using var api = await fixture.ApiAsAsync(TestUser.Admin);
        var list = await api.GetAsync("/api/suppressions");
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("address").GetString() == address);
        await session.FinishAsync();
    }
}
