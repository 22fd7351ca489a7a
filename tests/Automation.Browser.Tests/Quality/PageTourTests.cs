using System.Text.Json;
using Automation.Browser.Tests.Support;

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

        var pages = AppPages.All(customer);

        foreach (var width in new[] { 1280, 1024, 390 })
        {
            var page = await session.SignInAsync(TestUser.Admin, "/", new ViewportSize { Width = width, Height = 800 });
            foreach (var (path, loaded) in pages)
            {
                await AppPages.OpenAsync(page, path, loaded);
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
