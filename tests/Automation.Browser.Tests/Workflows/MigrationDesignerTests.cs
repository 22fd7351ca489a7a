using System.Net.Http.Json;
using System.Text.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Workflows;

[Collection(BrowserCollection.Name)]
public sealed class MigrationDesignerTests(BrowserFixture fixture)
{
    private const string WorkflowId = "renewal-reminder";

    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_previews_where_waiting_customers_go_chooses_a_step_for_a_renamed_one_and_moves_them()
    {
        await using var session = fixture.NewSession();
        using var marketer = await fixture.ApiAsAsync(TestUser.Marketer);
        await marketer.PostAsync("/api/workflows", Definition("wait"));
        await marketer.PostAsync($"/api/workflows/{WorkflowId}/publish");
        var customers = Enumerable.Range(0, 3).Select(_ => CustomerEvents.NewCustomerId("renew")).ToList();
        using (var api = fixture.Host.ApiClient())
        {
            var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
            using var sent = await api.PostAsJsonAsync("/api/events", new { events = customers.Select(c => new { customerId = c, type = "renewal_due", timestamp = now }) });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        using var reader = await fixture.ApiAsAsync(TestUser.Admin);
        await Poll.UntilAsync(() => reader.GetAsync($"/api/workflows/{WorkflowId}/instances"), list => Waiting(list, "wait") == 3, TimeSpan.FromSeconds(30));

        // v2 renames the wait: its waiting customers stay until the marketer says where they go.
        await marketer.PutAsync($"/api/workflows/{WorkflowId}", Definition("wait-for-renewal"));
        await marketer.PostAsync($"/api/workflows/{WorkflowId}/publish");

        var page = await session.SignInAsync(TestUser.Marketer, $"/workflows/{WorkflowId}");
        await Expect(page.GetByTestId("node-trigger")).ToContainTextAsync("Does “Renewal due”"); // an event the engine does not know, humanized
        await Expect(page.GetByTestId("node-trigger")).Not.ToContainTextAsync("renewal_due");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versions", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview migration" }).ClickAsync();
        var line = page.GetByTestId("migration-line-wait");
        await Expect(line).ToContainTextAsync("3");
        await Expect(line).ToContainTextAsync("choose where its instances go");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Target for wait" }).SelectOptionAsync("wait-for-renewal");
        await Expect(line).ToContainTextAsync("→ wait-for-renewal: mapped by the marketer");
        await session.SnapshotAsync("migration-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move 3 customers" }).ClickAsync();
        await Expect(page.GetByTestId("migration-done")).ToContainTextAsync("Moved 3 waiting customers to v2");
        var moved = await reader.GetAsync($"/api/workflows/{WorkflowId}/instances");
        Assert.Equal(3, moved.EnumerateArray().Count(i => i.GetProperty("version").GetInt32() == 2 && i.GetProperty("currentActivityId").GetString() == "wait-for-renewal"));
        var audit = await reader.GetAsync("/api/audit?take=20");
        Assert.Contains("3 waiting instances moved to v2", audit.ToString(), StringComparison.Ordinal);

        await session.FinishAsync();
    }

    private static int Waiting(JsonElement list, string step) =>
        list.EnumerateArray().Count(i => i.GetProperty("status").GetString() == "waiting" && i.GetProperty("currentActivityId").GetString() == step);

    private static object Definition(string waitId) => new
    {
        id = WorkflowId,
        name = "Renewal reminder",
        trigger = new { type = "event", @event = "renewal_due" },
        activities = new object[]
        {
            new { id = waitId, type = "waitForEvent", @event = "renewed", timeout = "P14D" },
            new { id = "thanks", type = "note", text = "renewed" },
        },
        connections = new[] { new { from = waitId, port = "event", to = "thanks" } },
    };
}
