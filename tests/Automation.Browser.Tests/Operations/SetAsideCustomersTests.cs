using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Operations;

/// <summary>
/// A customer whose events cannot be processed, set aside for real: their stored state is damaged in the host's SQLite
/// file while it is down (the embedded default holds profiles in memory), and their next event fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SetAsideCustomersTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task A_set_aside_customer_is_listed_from_the_dashboard_and_after_the_fix_an_admins_retry_empties_the_list()
    {
        var customer = CustomerEvents.NewCustomerId("poison");
        var first = await HostProcess.StartAsync();
        await using (first)
        {
            using (var setup = await ApiSession.SignInAsync(first.BaseAddress, TestUser.Admin))
            using (var api = first.ApiClient())
            {
                var marketer = TestUser.Marketer;
                await setup.PostAsync("/api/users", new { email = marketer.Email, displayName = marketer.DisplayName, password = marketer.Password, roles = marketer.Roles });
                await CustomerEvents.PageViewsAsync(api, customer, 1);
                await CustomerEvents.ProcessedAsync(setup, customer, 1);
            }

            await first.KillAsync();
            await StoredProfiles.SetDailyCountsAsync(first.Folder, customer, "{broken");
            await using var host = await HostProcess.StartAsync(first.Folder);
            using var reader = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin);
            using (var api = host.ApiClient())
            {
                await CustomerEvents.PageViewsAsync(api, customer, 1);
            }

            var listed = await Poll.UntilAsync(() => reader.GetAsync("/api/processing/quarantine"), q => q.GetArrayLength() == 1, TimeSpan.FromSeconds(20));
            Assert.Equal(customer, listed[0].GetProperty("customerId").GetString());

            await using var session = fixture.NewSession();
            // A marketer is told on the dashboard, follows the link and sees who and why, without a retry.
            var page = await session.SignInAsync(TestUser.Marketer, new Uri(host.BaseAddress, "/").ToString());
            var banner = page.GetByTestId("set-aside-banner");
            await Expect(banner).ToContainTextAsync("1 customer is set aside");
            await banner.GetByRole(AriaRole.Link, new() { Name = "Review set-aside customers" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/processing$"));
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Operations" }).GetByRole(AriaRole.Link, new() { Name = "Set-aside customers" })).ToHaveClassAsync("active");
            var row = page.GetByTestId($"set-aside-{customer}");
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = customer })).ToHaveAttributeAsync("href", $"/customers/{customer}");
            await Expect(row).ToContainTextAsync("fold, scores and segments");
            await Expect(row.GetByTestId("set-aside-error")).ToContainTextAsync("JsonException");
            await Expect(row).ToContainTextAsync("set aside");
            await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

            // The admin fixes the cause, then retries; the row shows the pending retry, then leaves the list.
            await StoredProfiles.SetDailyCountsAsync(host.Folder, customer, "{}");
            var admin = await session.SignInAsync(TestUser.Admin, new Uri(host.BaseAddress, "/processing").ToString());
            row = admin.GetByTestId($"set-aside-{customer}");
            await row.GetByRole(AriaRole.Button, new() { Name = $"Retry {customer}" }).ClickAsync();
            var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = $"Retry {customer}?" });
            await Expect(dialog).ToContainTextAsync("Fix the cause first");
            await Expect(dialog).ToContainTextAsync("JsonException");
            await session.SnapshotAsync("confirm");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
            await Expect(admin.GetByTestId("set-aside-notice")).ToContainTextAsync($"Retry requested for {customer}");
            await Expect(row).ToHaveAttributeAsync("data-retry-pending", "true");
            await Expect(row).ToContainTextAsync("retry pending");
            await Expect(row).ToHaveCountAsync(0);
            await Expect(admin.GetByText("processing is healthy")).ToBeVisibleAsync();

            var profile = await CustomerEvents.ProcessedAsync(reader, customer, 2);
            Assert.Equal(2, profile.GetProperty("features").GetProperty("pageViews7d").GetInt32());
            var audit = await reader.GetAsync("/api/audit");
            Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "processing.retry" && e.GetProperty("subject").GetString() == $"customer/{customer}");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
            await Expect(admin.GetByTestId("approvals-waiting")).ToBeVisibleAsync();
            await Expect(admin.GetByTestId("set-aside-banner")).ToHaveCountAsync(0);
            await session.FinishAsync();
        }
    }
}
