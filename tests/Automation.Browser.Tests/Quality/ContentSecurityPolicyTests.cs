using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Quality;

[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task The_web_app_renders_and_works_under_its_content_security_policy_without_a_single_violation()
    {
        await using var session = fixture.NewSession();
        // The customers page shows its table once there is a customer; run alone, this test brings its own.
        using var api = fixture.Host.ApiClient();
        await CustomerEvents.PricingVisitorAsync(api, CustomerEvents.NewCustomerId("csp"), "Cora Policy", pricingViews: 1);
        var page = await session.SignInAsync(TestUser.Admin, "/");
        // Chromium reports each blocked script, style, image or request as an event before anything else sees it.
        await page.Context.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
            """);

        (string Path, Func<IPage, ILocator> Loaded)[] pages =
        [
            ("/", p => p.GetByTestId("approvals-waiting")),
            ("/workflows/cart-recovery", p => p.GetByTestId("node-trigger")),
            ("/workflows/new", p => p.GetByTestId("node-trigger")),
            ("/segments", p => p.GetByTestId("rfm-grid")),
            ("/segments/vip", p => p.GetByTestId("segment-size-chart")),
            ("/customers", p => p.GetByTestId("customer-table")),
            ("/templates/winback-10", p => p.GetByTestId("visual-editor").Locator("iframe.gjs-frame")),
        ];
        foreach (var (path, loaded) in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            var policy = await response.HeaderValueAsync("content-security-policy") ?? "";
            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            // Inline styles only for the visual email editor, whose canvas needs them (SecurityHeaders.EmailEditorPolicy).
            Assert.Contains(path.StartsWith("/templates/", StringComparison.Ordinal) ? "style-src 'self' 'unsafe-inline';" : "style-src 'self';", policy, StringComparison.Ordinal);
            await Expect(loaded(page)).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
            var violations = await page.EvaluateAsync<JsonElement>("() => window.__violations");
            Assert.True(violations.GetArrayLength() == 0, $"{path}: {violations}");
        }

        await session.FinishAsync();
    }
}
