using Automation.Browser.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Automation.Browser.Tests.Quality;

/// <summary>
/// axe-core over every page on a wide screen and on a phone: no serious or critical violation. Each page is
/// photographed on the way, into TestResults/screenshots/pages/&lt;page&gt;-&lt;width&gt;.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [ServiceFact(TestServices.Chromium)]
    public async Task Every_page_at_1440_and_390_px_has_no_serious_or_critical_axe_violation()
    {
        await using var session = fixture.NewSession();
        using var api = fixture.Host.ApiClient();
        var customer = CustomerEvents.NewCustomerId("axe");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Alma Axe", pricingViews: 1);
        var folder = Path.Combine(RepoPaths.Screenshots, "pages");
        Directory.CreateDirectory(folder);

        var found = new List<string>();
        foreach (var width in new[] { 1440, 390 })
        {
            var viewport = new ViewportSize { Width = width, Height = width > 800 ? 900 : 844 };
            await CheckSignInAsync(viewport, folder, found);
            var page = await session.SignInAsync(TestUser.Admin, "/", viewport);
            foreach (var (path, loaded) in AppPages.All(customer))
            {
                await AppPages.OpenAsync(page, path, loaded);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{AppPages.FileName(path.Replace(customer, "one", StringComparison.Ordinal))}-{width}.png"), FullPage = true });
                await CheckAsync(page, $"{path} at {width} px", found);
            }
        }

        Assert.True(found.Count == 0, $"{found.Count} serious or critical axe violations:\n" + string.Join("\n", found));
        await session.FinishAsync();
    }

    /// <summary>The sign-in form, in a context of its own that nobody signed in to.</summary>
    private async Task CheckSignInAsync(ViewportSize viewport, string folder, List<string> found)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Host.BaseAddress.ToString(), ViewportSize = viewport });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.GetByLabel("Password").WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"sign-in-{viewport.Width}.png"), FullPage = true });
            await CheckAsync(page, $"the sign-in page at {viewport.Width} px", found);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task CheckAsync(IPage page, string where, List<string> found)
    {
        var result = await page.RunAxe();
        found.AddRange(result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{where}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }
}
