using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Segments;

[Collection(BrowserCollection.Name)]
public sealed class SegmentEditorTests(BrowserFixture fixture)
{
    private const string Invalid = "Features.PricingViews7d >= 2 && Features.Bogus";
    private const string Valid = "Features.PricingViews7d >= 1";

    [ServiceFact(TestServices.Chromium)]
    public async Task Segment_editor_shows_an_invalid_expression_error_at_its_position_and_a_preview_count()
    {
        await using var session = fixture.NewSession();
        using var api = fixture.Host.ApiClient();
        // One pricing view each keeps these customers out of high-intent (and the other tests' workflows).
        var visitor = CustomerEvents.NewCustomerId("seg");
        await CustomerEvents.PricingVisitorAsync(api, visitor, "Pia Pricing", pricingViews: 1);
        await CustomerEvents.PricingVisitorAsync(api, CustomerEvents.NewCustomerId("seg"), "Nils Newsletter", pricingViews: 0);
        using var marketer = await fixture.ApiAsAsync(TestUser.Marketer);
        var views = await Poll.UntilAsync(() => PricingViewsAsync(marketer, visitor), v => v == 1, TimeSpan.FromSeconds(20));
        Assert.Equal(1, views);

        var check = await marketer.PostAsync("/api/expressions/validate", new { expression = Invalid });
        var position = check.GetProperty("problems")[0].GetProperty("position").GetInt32();
        Assert.Equal(Invalid.IndexOf("Bogus", StringComparison.Ordinal), position);

        var page = await session.SignInAsync(TestUser.Marketer, "/segments");
        await page.GetByRole(AriaRole.Button, new() { Name = "New segment" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Form, new() { Name = "New segment" });
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Pricing page visitors");
        var expression = editor.GetByRole(AriaRole.Combobox, new() { Name = "Expression" });
        await expression.PressSequentiallyAsync(Invalid);

        var error = page.GetByTestId("expression-error");
        await Expect(error).ToContainTextAsync("No property or field 'Bogus'");
        await Expect(error).ToContainTextAsync($"(line 1, column {position + 1})");
        await Expect(expression).ToHaveAttributeAsync("aria-invalid", "true");
        var caretView = error.Locator(".caret-view");
        await Expect(caretView.Locator("mark")).ToHaveTextAsync("B");
        Assert.Equal($"{Invalid}\n{new string(' ', position)}^", await caretView.TextContentAsync());
        Assert.True(await CaretSitsUnderMarkAsync(caretView), "the ^ is not drawn under the marked character");
        await session.SnapshotAsync("invalid");

        await expression.FillAsync("");
        await expression.PressSequentiallyAsync(Valid);
        await Expect(editor.GetByText("✓ Valid expression")).ToBeVisibleAsync();
        await Expect(error).ToHaveCountAsync(0);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Preview count" }).ClickAsync();
        var count = page.GetByTestId("preview-count");
        await Expect(count).ToBeVisibleAsync();

        var preview = await marketer.PostAsync("/api/segments/preview", new { expression = Valid });
        var members = preview.GetProperty("count").GetInt32();
        var total = preview.GetProperty("total").GetInt32();
        Assert.InRange(members, 1, total - 1);
        await Expect(count).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"{members:N0} of {total:N0} customers"));

        await session.FinishAsync();
    }

    [ServiceFact(TestServices.Chromium)]
    public async Task A_segment_whose_expression_throws_for_a_customer_shows_who_and_why_and_the_editor_names_them_on_preview_and_save()
    {
        // Holds for nobody and throws only for four page views, which no other test's customer has.
        const string throwing = "1 / (Features.PageViews7d - 4) > 5";
        const string stillThrowing = "1 / (Features.PageViews7d - 4) > 6";
        using var marketer = await fixture.ApiAsAsync(TestUser.Marketer);
        await marketer.PutAsync("/api/segments/ui-throws", new { name = "Throws on four page views", expression = throwing });
        var customer = CustomerEvents.NewCustomerId("throws");
        using (var api = fixture.Host.ApiClient())
        {
            await CustomerEvents.PageViewsAsync(api, customer, 4);
        }

        await CustomerEvents.ProcessedAsync(marketer, customer, 4);
        var listed = await Poll.UntilAsync(() => SegmentAsync(marketer, "ui-throws"), s => s.GetProperty("evaluationError").ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(20));
        var fault = listed.GetProperty("evaluationError");
        Assert.Equal(customer, fault.GetProperty("customerId").GetString());

        await using var session = fixture.NewSession();
        session.ExpectFailedResponse(400, "/api/segments/ui-throws");
        var page = await session.SignInAsync(TestUser.Marketer, "/segments/ui-throws");
        await Expect(page.GetByTestId("segment-ui-throws")).ToContainTextAsync("fails");
        var warning = page.GetByTestId("segment-evaluation-error");
        await Expect(warning).ToContainTextAsync("The expression failed");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = customer })).ToHaveAttributeAsync("href", $"/customers/{customer}");
        await Expect(warning).ToContainTextAsync("DivideByZeroException");
        await Expect(warning).ToContainTextAsync("count as not members");
        await session.SnapshotAsync("warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit segment" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Form, new() { Name = "Edit segment" });
        var error = editor.GetByTestId("expression-error");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Preview count" }).ClickAsync();
        await Expect(error).ToContainTextAsync($"the expression fails for customer '{customer}': DivideByZeroException");
        await Expect(page.GetByTestId("preview-count")).ToContainTextAsync("0 of");

        // Changed after the preview: the old message goes; saving the change is refused with the server's reason.
        var expression = editor.GetByRole(AriaRole.Combobox, new() { Name = "Expression" });
        await expression.FillAsync(stillThrowing);
        await Expect(error).ToHaveCountAsync(0);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save segment" }).ClickAsync();
        await Expect(error).ToContainTextAsync($"the expression fails for customer '{customer}': DivideByZeroException");
        await Expect(expression).ToHaveAttributeAsync("aria-invalid", "true");
        var kept = await SegmentAsync(marketer, "ui-throws");
        Assert.Equal(throwing, kept.GetProperty("expression").GetString());

        await session.FinishAsync();
    }

    private static async Task<JsonElement> SegmentAsync(ApiSession reader, string key) =>
        (await reader.GetAsync("/api/segments")).EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private static async Task<int> PricingViewsAsync(ApiSession reader, string customerId) =>
        await reader.FindAsync($"/api/customers/{customerId}") is { } profile ? profile.GetProperty("features").GetProperty("pricingViews7d").GetInt32() : -1;

    /// <summary>The ^ under the error is drawn where the marked character starts (monospace, same line box).</summary>
    private static Task<bool> CaretSitsUnderMarkAsync(ILocator caretView) =>
        caretView.EvaluateAsync<bool>("""
            pre => {
              const mark = pre.querySelector('mark').getBoundingClientRect();
              const line = pre.querySelector('.caret-line');
              const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
              let node, caret = null;
              while ((node = walker.nextNode())) {
                const at = node.data.indexOf('^');
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + 1);
                  caret = range.getBoundingClientRect();
                }
              }
              return caret !== null && Math.abs(caret.left - mark.left) < 2 && caret.top > mark.top;
            }
            """);
}
