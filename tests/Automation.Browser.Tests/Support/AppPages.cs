using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Support;

/// <summary>Every page of the web app with what shows once it has loaded its data, for the tours over all of them.</summary>
public static class AppPages
{
    /// <summary>The pages; <paramref name="customer"/> is a customer the test created, for the customer's own page.</summary>
    public static (string Path, Func<IPage, ILocator> Loaded)[] All(string customer) =>
    [
        ("/", p => p.GetByTestId("approvals-waiting")),
        ("/workflows", p => p.GetByTestId("workflow-table")),
        ("/workflows/new", p => p.GetByTestId("node-trigger")),
        ("/workflows/cart-recovery", p => p.GetByTestId("node-trigger")),
        ("/templates", p => p.GetByTestId("template-winback-10")),
        ("/templates/winback-10", p => p.GetByTestId("visual-editor").Locator("iframe.gjs-frame")),
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
        ("/outbox", p => p.GetByRole(AriaRole.Heading, new() { Name = "Outbox", Exact = true })),
        ("/suppressions", p => p.GetByRole(AriaRole.Form, new() { Name = "Suppress" })),
        ("/processing", p => p.GetByText("processing is healthy")),
        ("/error-queues", p => p.GetByRole(AriaRole.Heading, new() { Name = "Error queues" })),
        ("/plugins", p => p.GetByTestId("plugin-Email")),
        ("/cluster", p => p.GetByRole(AriaRole.Heading, new() { Name = "Cluster" })),
    ];

    /// <summary>Opens a page and waits until its data shows (not NetworkIdle: pages on a timer never go idle).</summary>
    public static async Task OpenAsync(IPage page, string path, Func<IPage, ILocator> loaded)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(loaded);
        await page.GotoAsync(path);
        await Expect(loaded(page)).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>A file name for a page's screenshot: "/customers/x" → "customers-x".</summary>
    public static string FileName(string path) =>
        path == "/" ? "dashboard" : string.Concat(path.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
