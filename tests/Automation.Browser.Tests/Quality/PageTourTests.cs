using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Quality;

[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Every_page_fits_from_1280_down_to_a_390_px_phone_without_sideways_scrolling_or_console_errors()
    {
        await using var session = fixture.NewSession();
        using var api = fixture.Host.ApiClient();
        var customer = CustomerEvents.NewCustomerId("tour");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Tessa Tour", pricingViews: 1);

        // Each page with what shows once it has loaded its data.
        (string Path, Func<IPage, ILocator> Loaded)[] pages =
        [
            ("/", p => p.GetByTestId("approvals-waiting")),
            ("/workflows", p => p.GetByTestId("workflow-table")),
            ("/workflows/new", p => p.GetByTestId("node-trigger")),
            ("/workflows/cart-recovery", p => p.GetByTestId("node-trigger")),
            ("/templates", p => p.GetByTestId("template-winback-10")),
            ("/templates/winback-10", p => p.GetByTestId("email-preview")),
            ("/segments", p => p.GetByTestId("rfm-grid")),
            ("/segments/vip", p => p.GetByTestId("segment-size-chart")),
            ("/rule-sets", p => p.GetByTestId("rule-set-engagement-tier")),
            ("/rule-sets/engagement-tier", p => p.GetByTestId("rule-0")),
            ("/discovery", p => p.GetByRole(AriaRole.Button, new() { Name = "Run clustering" })),
            ("/models", p => p.GetByRole(AriaRole.Heading, new() { Name = "Train from stored history" })),
            ("/approvals", p => p.GetByTestId("shortcut-help")),
            ("/customers", p => p.GetByTestId($"customer-{customer}")),
            ($"/customers/{customer}", p => p.GetByTestId("event-timeline")),
            ("/users", p => p.GetByTestId("user-table")),
            ("/actions", p => p.GetByText("Showing the newest")),
            ("/suppressions", p => p.GetByRole(AriaRole.Form, new() { Name = "Suppress" })),
            ("/processing", p => p.GetByText("processing is healthy")),
            // The demo's sales alert has no webhook or owner address configured: its failure may be listed by the time the tour comes.
            ("/error-queues", p => p.GetByRole(AriaRole.Heading, new() { Name = "Error queues" })),
            ("/plugins", p => p.GetByTestId("plugin-Email")),
        ];

        foreach (var width in new[] { 1280, 1024, 390 })
        {
            var page = await session.SignInAsync(TestUser.Admin, "/", new ViewportSize { Width = width, Height = 800 });
            foreach (var (path, loaded) in pages)
            {
                await page.GotoAsync(path);
                await Expect(loaded(page)).ToBeVisibleAsync();
                // Not NetworkIdle: pages that refresh on a timer (dashboard, approvals) never go idle on a busy machine.
                await page.WaitForLoadStateAsync(LoadState.Load);
                var fit = await page.EvaluateAsync<JsonElement>("""
                    () => {
                      const doc = document.documentElement, main = document.querySelector('main');
                      const clipped = [...document.querySelectorAll('nav[aria-label="Main"] a, .usermenu button')]
                        .filter(e => e.getBoundingClientRect().right > doc.clientWidth).map(e => e.textContent);
                      const right = main.getBoundingClientRect().right;
                      const widest = [...main.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right + 1)
                        .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').slice(0, 40)}"`);
                      return { page: doc.scrollWidth - doc.clientWidth, main: main.scrollWidth - main.clientWidth, clipped: clipped.join(', '), widest: widest.join('; ') };
                    }
                    """);
                Assert.True(fit.GetProperty("page").GetInt32() <= 0, $"{path} at {width} px scrolls sideways by {fit.GetProperty("page")} px");
                Assert.True(fit.GetProperty("main").GetInt32() <= 0, $"{path} at {width} px: the content scrolls sideways by {fit.GetProperty("main")} px (past the edge: {fit.GetProperty("widest")})");
                Assert.True(fit.GetProperty("clipped").GetString() is "", $"{path} at {width} px: cut off at the right edge: {fit.GetProperty("clipped")}");
            }

            await session.SnapshotAsync($"{width}px");
        }

        await session.FinishAsync();
    }
}
