using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Support;

/// <summary>
/// One test's browser: a context per signed-in person, their console watched for errors, and a full-page screenshot
/// of the final state in TestResults/screenshots/&lt;test&gt;.png (taken on failure too).
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly BrowserFixture fixture;
    private readonly string testName;
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> errors = [];

    // The app learns that nobody is signed in from this 401 (engine/designer/TESTING.md, "Console messages").
    private readonly List<(int Status, string Path)> expectedFailures = [(401, "/api/auth/me")];
    private IPage? current;
    private bool finished;

    internal BrowserSession(BrowserFixture fixture, string testName)
    {
        this.fixture = fixture;
        this.testName = testName;
    }

    /// <summary>A failing response (status and exact path) the test provokes on purpose; Chromium logs each as a console error.</summary>
    public void ExpectFailedResponse(int status, string path) => expectedFailures.Add((status, path));

    /// <summary>
    /// Opens <paramref name="path"/> in a fresh context, where the sign-in form shows in place, and signs in;
    /// the window is 1600×1000 unless <paramref name="viewport"/> says otherwise.
    /// </summary>
    public async Task<IPage> SignInAsync(TestUser user, string path, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = viewport ?? new ViewportSize { Width = 1600, Height = 1000 },
        });
        context.SetDefaultTimeout(15_000);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => OnConsole(message);
        page.PageError += (_, error) => Record($"uncaught error in the page: {error}");
        current = page;

        await page.GotoAsync(path);
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>An extra screenshot of the current page along the way: &lt;test&gt;.&lt;label&gt;.png.</summary>
    public Task SnapshotAsync(string label) => ScreenshotAsync($"{testName}.{label}.png");

    /// <summary>Ends the test: the final screenshot, then fails on any console error nobody expected.</summary>
    public async Task FinishAsync()
    {
        finished = true;
        await ScreenshotAsync($"{testName}.png");
        string[] found;
        lock (errors)
        {
            found = [.. errors];
        }

        Assert.True(found.Length == 0, "the browser reported errors:\n" + string.Join("\n", found));
    }

    public async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            try
            {
                await ScreenshotAsync($"{testName}.png");
            }
            catch (PlaywrightException)
            {
                // the page is gone; the test's own failure says why
            }
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private async Task ScreenshotAsync(string fileName)
    {
        if (current is null)
        {
            return;
        }

        Directory.CreateDirectory(RepoPaths.Screenshots);
        await current.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, fileName), FullPage = true });
    }

    private void OnConsole(IConsoleMessage message)
    {
        if (message.Type != "error")
        {
            return;
        }

        var failed = FailedResource().Match(message.Text);
        if (failed.Success)
        {
            var status = int.Parse(failed.Groups["status"].Value, CultureInfo.InvariantCulture);
            var path = PathOf(message.Location);
            if (expectedFailures.Any(e => e.Status == status && string.Equals(path, e.Path, StringComparison.Ordinal)))
            {
                return;
            }

            Record($"{message.Text} — {message.Location}");
            return;
        }

        Record($"console error: {message.Text} ({message.Location})");
    }

    /// <summary>The path of a console location "http://host:port/api/x?y:line:column".</summary>
    private static string PathOf(string location)
    {
        var url = TrailingLineAndColumn().Replace(location, "");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
    }

    private void Record(string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of (?<status>\d{3})")]
    private static partial Regex FailedResource();

    [GeneratedRegex(@"(:\d+){2}$")]
    private static partial Regex TrailingLineAndColumn();
}
