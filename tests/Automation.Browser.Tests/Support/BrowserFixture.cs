using System.Runtime.CompilerServices;

namespace Automation.Browser.Tests.Support;

/// <summary>
/// One real host and one headless Chromium for the whole browser suite; each test gets its own browser contexts.
/// Outside CI without AUTOMATION_TEST_CHROMIUM nothing starts (the tests are skipped by ServiceFact).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"];

    private HostProcess? host;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public HostProcess Host => host ?? throw new InvalidOperationException(NotStarted);

    public IBrowser Browser => browser ?? throw new InvalidOperationException(NotStarted);

    private static string NotStarted => $"the browser suite needs {TestServices.Chromium} (run ./test.sh or eval \"$(scripts/test-services.sh env)\")";

    public async Task InitializeAsync()
    {
        if (TestServices.Get(TestServices.Chromium) is null)
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            host = await HostProcess.StartAsync();
            using (var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin))
            {
                foreach (var user in TestUser.Seeded)
                {
                    await admin.PostAsync("/api/users", new { email = user.Email, displayName = user.DisplayName, password = user.Password, roles = user.Roles });
                }
            }

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = TestServices.Require(TestServices.Chromium),
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A test's browser: its pages, their console, and its screenshot.</summary>
    public BrowserSession NewSession([CallerMemberName] string testName = "") => new(this, testName);

    public Task<ApiSession> ApiAsAsync(TestUser user) => ApiSession.SignInAsync(Host.BaseAddress, user);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        if (host is not null)
        {
            await host.DisposeAsync();
            host = null;
        }
    }
}
