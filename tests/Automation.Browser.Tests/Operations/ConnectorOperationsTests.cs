using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Operations;

[Collection(BrowserCollection.Name)]
public sealed class ConnectorOperationsTests(BrowserFixture fixture, ProofHostFixture proof) : IClassFixture<ProofHostFixture>
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Admin_finds_a_failed_action_in_the_dispatch_log_and_retries_it_to_completion_once_the_connector_is_repaired()
    {
        var host = proof.Host;
        var customer = CustomerEvents.NewCustomerId("broken");
        string actionId;
        using (var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin))
        {
            await admin.PostAsync("/api/workflows", BrokenWorkflow);
            await admin.PostAsync("/api/workflows/ui-broken/publish");
            using (var api = host.ApiClient())
            using (var posted = await api.PostAsJsonAsync("/api/events", new { events = new[] { new { customerId = customer, type = "proof_break", timestamp = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) } } }))
            {
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }

            var failed = await Poll.UntilAsync(
                () => admin.GetAsync($"/api/actions?customerId={customer}"),
                a => a.GetArrayLength() == 1 && a[0].GetProperty("status").GetString() == "failed",
                TimeSpan.FromSeconds(30));
            actionId = failed[0].GetProperty("id").GetString()!;
        }

        await using var session = fixture.NewSession();
        // A marketer sees the failure but is offered no retry (the API refuses it too).
        var marketer = await session.SignInAsync(TestUser.Marketer, new Uri(host.BaseAddress, "/actions?status=failed").ToString());
        await Expect(marketer.GetByTestId($"action-{actionId}")).ToHaveAttributeAsync("data-status", "failed");
        await Expect(marketer.GetByRole(AriaRole.Button, new() { Name = $"Retry proof.broken for {customer}" })).ToHaveCountAsync(0);

        var page = await session.SignInAsync(TestUser.Admin, new Uri(host.BaseAddress, "/actions").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Actions", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Status").SelectOptionAsync("failed");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/actions\?status=failed$"));
        var row = page.GetByTestId($"action-{actionId}");
        await Expect(row).ToHaveAttributeAsync("data-status", "failed");
        await Expect(row.GetByTestId("action-error")).ToContainTextAsync("the proof connector is broken");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = customer })).ToHaveAttributeAsync("href", $"/customers/{customer}");
        await Expect(row).ToContainTextAsync("Broken connector v1");
        // The guards it passed before dispatch fold out.
        await row.Locator("summary").ClickAsync();
        await Expect(row.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await session.SnapshotAsync("failed");

        await File.WriteAllTextAsync(proof.RepairedMarker, "fixed");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry proof.broken for {customer}" }).ClickAsync();
        // The row follows the retry although it no longer matches the "failed" filter.
        await Expect(row).ToHaveAttributeAsync("data-status", "completed");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Retry proof.broken for {customer}" })).ToHaveCountAsync(0);

        using (var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin))
        {
            var actions = await admin.GetAsync($"/api/actions?customerId={customer}");
            Assert.Equal("completed", actions[0].GetProperty("status").GetString());
            var audit = await admin.GetAsync("/api/audit");
            Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "action.retried" && e.GetProperty("subject").GetString() == $"action/{actionId}");
        }

        await session.FinishAsync();
    }

    [ServiceFact(TestServices.Chromium)]
    public async Task Plugins_page_shows_each_plugins_version_action_types_and_rule_sets_read_only_and_a_plugin_that_failed_to_load_with_its_error()
    {
        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Admin, new Uri(proof.Host.BaseAddress, "/plugins").ToString());
        var loaded = page.GetByTestId("plugin-Proof");
        await Expect(loaded.GetByText("loaded", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(loaded).ToContainTextAsync("version 1.0.0 · SDK [1.0,2.0)");
        await Expect(loaded.GetByRole(AriaRole.Row, new() { Name = "proof.broken" })).ToContainTextAsync("Proof: broken delivery");
        var rules = loaded.GetByTestId("plugin-rule-set-proof-rules");
        await Expect(rules).ToContainTextAsync("read-only");
        await Expect(rules.GetByRole(AriaRole.Row, new() { Name = "proof-vip" })).ToContainTextAsync("Customers who spent 100 or more are VIPs");
        var retargeting = page.GetByTestId("plugin-Retargeting").GetByRole(AriaRole.Row, new() { Name = "retargeting.include" });
        await Expect(retargeting).ToContainTextAsync("yes, needs approval");

        var failed = page.GetByTestId($"plugin-{ProofHostFixture.GarbagePlugin}");
        await Expect(failed.GetByText("failed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(failed.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "loaded" })).ToContainTextAsync("1 failed");
        await session.FinishAsync();
    }

    internal static readonly object BrokenWorkflow = new
    {
        id = "ui-broken",
        name = "Broken connector",
        trigger = new { type = "event", @event = "proof_break" },
        reentry = new { policy = "always" },
        activities = new object[]
        {
            new { id = "act", type = "action", action = "proof.broken", input = new { } },
            new { id = "sent", type = "end" },
            new { id = "gave-up", type = "end" },
            new { id = "blocked", type = "end" },
            new { id = "refused", type = "end" },
        },
        connections = new object[]
        {
            new { from = "act", port = "done", to = "sent" },
            new { from = "act", port = "failed", to = "gave-up" },
            new { from = "act", port = "skipped", to = "blocked" },
            new { from = "act", port = "rejected", to = "refused" },
        },
    };
}
