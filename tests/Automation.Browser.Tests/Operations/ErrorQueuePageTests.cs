using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Operations;

/// <summary>
/// Messages the engine gave up on, on the admins' Error queues page: two dispatches of the broken Proof connector
/// fail for good; after the repair the admin replays one to completion and discards the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorQueuePageTests(BrowserFixture fixture, ProofHostFixture proof) : IClassFixture<ProofHostFixture>
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Admin_sees_a_failed_dispatch_with_its_reason_replays_it_to_completion_and_discards_another()
    {
        var host = proof.Host;
        var replayed = CustomerEvents.NewCustomerId("parked");
        var discarded = CustomerEvents.NewCustomerId("dropped");
        var actionIds = new Dictionary<string, string>();
        using (var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin))
        {
            await admin.PostAsync("/api/workflows", ConnectorOperationsTests.BrokenWorkflow);
            await admin.PostAsync("/api/workflows/ui-broken/publish");
            using var api = host.ApiClient();
            foreach (var customer in new[] { replayed, discarded })
            {
                using var posted = await api.PostAsJsonAsync("/api/events", new { events = new[] { new { customerId = customer, type = "proof_break", timestamp = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) } } });
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
                var failed = await Poll.UntilAsync(
                    () => admin.GetAsync($"/api/actions?customerId={customer}"),
                    a => a.GetArrayLength() == 1 && a[0].GetProperty("status").GetString() == "failed",
                    TimeSpan.FromSeconds(30));
                Assert.Equal("failed", failed[0].GetProperty("status").GetString());
                actionIds[customer] = failed[0].GetProperty("id").GetString()!;
            }

            await Poll.UntilAsync(() => admin.GetAsync("/api/error-queues"), l => l.GetArrayLength() >= 2, TimeSpan.FromSeconds(30));
        }

        await using var session = fixture.NewSession();
        var page = await session.SignInAsync(TestUser.Admin, new Uri(host.BaseAddress, "/actions").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Operations" }).GetByRole(AriaRole.Link, new() { Name = "Error queues" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Error queues", Exact = true })).ToBeVisibleAsync();
        var row = page.GetByTestId($"error-message-{actionIds[replayed]}");
        await Expect(row).ToContainTextAsync("action-proof.broken");
        await Expect(row).ToContainTextAsync("DispatchAction");
        await Expect(row.GetByTestId("error-message-reason")).ToContainTextAsync("the proof connector is broken");
        await session.SnapshotAsync("listed");

        await File.WriteAllTextAsync(proof.RepairedMarker, "fixed");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Replay DispatchAction {actionIds[replayed]}" }).ClickAsync();
        await Expect(page.GetByTestId("error-queue-notice")).ToContainTextAsync("DispatchAction sent back to action-proof.broken");
        await Expect(row).ToHaveCountAsync(0);

        var other = page.GetByTestId($"error-message-{actionIds[discarded]}");
        await other.GetByRole(AriaRole.Button, new() { Name = $"Discard DispatchAction {actionIds[discarded]}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Discard this DispatchAction?" });
        await Expect(dialog).ToContainTextAsync("the proof connector is broken");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(other).ToHaveCountAsync(0);
        await Expect(page.GetByText("The error queues are empty")).ToBeVisibleAsync();

        using (var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin))
        {
            var done = await Poll.UntilAsync(
                () => admin.GetAsync($"/api/actions?customerId={replayed}"),
                a => a[0].GetProperty("status").GetString() == "completed",
                TimeSpan.FromSeconds(30));
            Assert.Equal("completed", done[0].GetProperty("status").GetString());
            Assert.Equal("failed", (await admin.GetAsync($"/api/actions?customerId={discarded}"))[0].GetProperty("status").GetString());
            Assert.Equal(0, (await admin.GetAsync("/api/error-queues")).GetArrayLength());
            var audit = (await admin.GetAsync("/api/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.Contains("error-queue.replayed", audit);
            Assert.Contains("error-queue.discarded", audit);
        }

        await session.FinishAsync();
    }
}
