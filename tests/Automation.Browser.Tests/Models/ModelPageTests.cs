using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using Automation.Testing.Histories;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Models;

/// <summary>
/// The model page over a host that learned from a history sent through the API: two churn versions, each measured
/// against the RFM baseline; an admin rolls back to the first, and a customer's score reads in words.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ModelPageTests(BrowserFixture fixture)
{
    private const int Customers = 400;

    [ServiceFact(TestServices.Chromium)]
    public async Task An_admin_compares_versions_with_the_baseline_rolls_back_and_reads_a_customers_score_in_words()
    {
        await using var host = await HostProcess.StartAsync();
        using var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin);
        var history = ChurnHistory.Generate(Customers, DateTime.UtcNow.AddHours(-1), planted: true);
        using (var api = host.ApiClient())
        {
            foreach (var batch in history.Chunk(1_000))
            {
                var events = batch.Select((e, i) => new { customerId = e.CustomerId, type = e.Type, timestamp = e.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), value = e.Value });
                using var response = await api.PostAsJsonAsync("/api/events", new { events });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }

        var last = history[^1].CustomerId;
        await CustomerEvents.ProcessedAsync(admin, last, history.Count(e => e.CustomerId == last));
        var first = await admin.PostAsync("/api/scores/models/train", new { target = "churn", horizonDays = ChurnHistory.WindowDays });
        Assert.True(first.GetProperty("active").GetBoolean());
        Assert.Equal(Customers, first.GetProperty("scored").GetInt32());
        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Admin, new Uri(host.BaseAddress, "/").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Models" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/models$"));

        // The same split again gives the same model: not better than the active version, so it is activated only when forced.
        await page.GetByLabel("Horizon (days)").FillAsync(ChurnHistory.WindowDays.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Activate even if it does not beat the active version").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Train" }).ClickAsync();
        await Expect(page.GetByTestId("models-notice")).ToContainTextAsync(new Regex($@"^Version 2: ROC AUC 0\.\d{{3}} vs RFM baseline 0\.\d{{3}}; activated \(forced.*\. {Customers} profiles scored as of "), new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("training-stage")).ToHaveTextAsync(new Regex(@"^Version 2: activated \(forced"));
        await Expect(page.GetByTestId("training-progress").GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("value", "1");
        var versions = page.GetByTestId("versions-ChurnRisk");
        await Expect(versions.GetByTestId("version-ChurnRisk-2")).ToContainTextAsync("active");
        await Expect(versions.GetByTestId("version-ChurnRisk-1")).ToContainTextAsync("saved");

        // The active version's evaluation next to the baseline, its charts, and its inputs' drift.
        var evaluation = page.GetByTestId("model-evaluation");
        await Expect(evaluation).ToContainTextAsync("Churn risk version 2 (active)");
        await Expect(evaluation.GetByTestId("evaluation-table")).ToContainTextAsync("RFM baseline");
        await Expect(evaluation.GetByTestId("evaluation-table").GetByRole(AriaRole.Row, new() { Name = "ROC AUC" })).ToHaveTextAsync(AucRow());
        foreach (var chart in new[] { "roc-chart", "calibration-chart", "lift-chart" })
        {
            await Expect(evaluation.GetByTestId(chart).Locator("svg.recharts-surface").First).ToBeVisibleAsync();
        }

        await Expect(evaluation.GetByTestId("calibration-table").Locator("tbody tr")).ToHaveCountAsync(10);
        var drift = page.GetByTestId("model-drift");
        await Expect(drift.GetByTestId("feature-drift-SupportTickets30d").Locator("td").First).ToHaveTextAsync("Support tickets 30d");
        await Expect(drift.GetByTestId("feature-drift-SupportTickets30d").Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\d+\.\d{3}$"));
        await session.SnapshotAsync("evaluation");

        // Roll back: version 1 scores again, and everyone is re-scored with it at once.
        await versions.GetByRole(AriaRole.Button, new() { Name = "Roll back to version 1" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Score with version 1?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Make it active" }).ClickAsync();
        await Expect(page.GetByTestId("models-notice")).ToContainTextAsync($"Churn risk version 1 is active; {Customers} profiles re-scored");
        await Expect(versions.GetByTestId("version-ChurnRisk-1")).ToContainTextAsync("active");
        await Expect(versions.GetByRole(AriaRole.Button, new() { Name = "Activate version 2" })).ToBeVisibleAsync();
        var models = await admin.GetAsync("/api/scores/models");
        Assert.Equal(1, models.EnumerateArray().Single(m => m.GetProperty("active").GetBoolean()).GetProperty("version").GetInt32());

        // A customer's score with its reasons in words; the score no model fills says so, not 0 %.
        await page.GetByLabel("Customer id").FillAsync("h-00001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show score" }).ClickAsync();
        var scored = page.GetByTestId("customer-score");
        await Expect(scored).ToContainTextAsync(new Regex(@"Churn risk\d+(\.\d+)? ?%"));
        var reasons = scored.GetByTestId("reasons-ChurnRisk").Locator("li");
        await Expect(reasons.First).ToHaveTextAsync(new Regex(@"^[a-z][a-z0-9 ]+ \d")); // "inactive for 14 days", not a feature name
        Assert.InRange(await reasons.CountAsync(), 1, 3);
        await Expect(scored).ToContainTextAsync("Purchase propensityno model");
        await session.SnapshotAsync("customer");
        await session.FinishAsync();
    }

    [GeneratedRegex(@"^ROC AUC\s*0\.\d{3}\s*0\.\d{3}$")]
    private static partial Regex AucRow();
}
