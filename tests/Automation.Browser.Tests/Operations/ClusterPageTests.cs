using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Operations;

/// <summary>Two engine processes on one PostgreSQL database and RabbitMQ virtual host, as an operator sees them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterPageTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium, TestServices.Postgres, TestServices.RabbitMq)]
    public async Task The_cluster_page_shows_each_process_with_its_share_of_the_partitions()
    {
        using var backends = BrokerAndDatabase.Create();
        var settings = backends.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        await using var first = await HostProcess.StartAsync(settings: settings, startTimeout: TimeSpan.FromSeconds(180));
        await using var second = await HostProcess.StartAsync(settings: settings, startTimeout: TimeSpan.FromSeconds(180));
        await using var session = fixture.NewSession();

        var page = await session.SignInAsync(TestUser.Admin, new Uri(first.BaseAddress, "/plugins").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Operations" }).GetByRole(AriaRole.Link, new() { Name = "Cluster" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cluster$"));
        await Expect(page.GetByText("Customers hash to 64 partitions")).ToBeVisibleAsync();

        // The second process takes its half within a few rebalancing rounds; the page polls.
        await Expect(page.GetByTestId("cluster-summary")).ToContainTextAsync("2 processes, 0 events waiting", new() { Timeout = 20_000 });
        var rows = page.GetByTestId("cluster-processes").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("32");
        await Expect(rows.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("32");
        await Expect(page.GetByTestId("cluster-processes")).ToContainTextAsync("(answered)");
        await Expect(page.GetByText("Every partition has caught up.")).ToBeVisibleAsync();
        await session.SnapshotAsync("two processes");
        await session.FinishAsync();
    }
}
