using System.Net;
using System.Net.Http.Json;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Users;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Admin_creates_an_approver_who_signs_in_and_sees_only_the_approvals_pages()
    {
        await using var session = fixture.NewSession();
        var approver = new TestUser($"ada-{Guid.NewGuid():N}"[..12] + "@automation.local", "Ada Approver", TestUser.DefaultPassword, "approver");

        var admin = await session.SignInAsync(TestUser.Admin, "/users");
        var form = admin.GetByRole(AriaRole.Form, new() { Name = "Add a user" });
        await form.GetByLabel("Email").FillAsync(approver.Email);
        await form.GetByLabel("Display name").FillAsync(approver.DisplayName);
        await form.GetByLabel("First password").FillAsync(approver.Password);
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Approver" }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(admin.GetByTestId("users-notice")).ToContainTextAsync($"Created {approver.Email}");
        var row = admin.GetByTestId($"user-{approver.Email}");
        await Expect(row).ToContainTextAsync("Ada Approver");
        await Expect(row.Locator(".chip")).ToHaveTextAsync(["Approver"]);
        await Expect(form.GetByLabel("Email")).ToHaveValueAsync(""); // ready for the next person
        await session.SnapshotAsync("created");

        var page = await session.SignInAsync(approver, "/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Approvals", "Customers", "Actions"]);
        await nav.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approvals", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("shortcut-help")).ToBeVisibleAsync();
        foreach (var path in new[] { "/workflows", "/workflows/new", "/segments", "/rule-sets", "/discovery", "/users" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available" })).ToBeVisibleAsync();
        }

        // The page is not the only guard: the API refuses the approver the same things.
        using var api = await fixture.ApiAsAsync(approver);
        Assert.Equal(HttpStatusCode.OK, await api.StatusOfAsync(HttpMethod.Get, "/api/approvals?status=pending"));
        Assert.Equal(HttpStatusCode.Forbidden, await api.StatusOfAsync(HttpMethod.Get, "/api/users"));
        Assert.Equal(HttpStatusCode.Forbidden, await api.StatusOfAsync(HttpMethod.Post, "/api/users", new { email = "x@automation.local", password = "password-123", roles = new[] { "admin" } }));
        Assert.Equal(HttpStatusCode.Forbidden, await api.StatusOfAsync(HttpMethod.Put, "/api/segments/approver-made", new { name = "x", expression = "Features.Purchases >= 1" }));

        await page.GotoAsync("/approvals");
        await Expect(page.GetByTestId("shortcut-help")).ToBeVisibleAsync();
        await session.FinishAsync();
    }

    [ServiceFact(TestServices.Chromium)]
    public async Task Admin_changes_someones_roles_but_cannot_drop_their_own_admin_role()
    {
        await using var session = fixture.NewSession();
        var person = new TestUser($"sam-{Guid.NewGuid():N}"[..12] + "@automation.local", "Sam Switch", TestUser.DefaultPassword, "marketer");
        using (var api = await fixture.ApiAsAsync(TestUser.Admin))
        {
            await api.PostAsync("/api/users", new { email = person.Email, displayName = person.DisplayName, password = person.Password, roles = person.Roles });
        }

        var page = await session.SignInAsync(TestUser.Admin, "/users");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {TestUser.Admin.Email}" }).ClickAsync();
        var own = page.GetByRole(AriaRole.Dialog, new() { Name = $"Edit {TestUser.Admin.Email}" });
        await Expect(own.GetByRole(AriaRole.Checkbox, new() { Name = "Admin" })).ToBeDisabledAsync();
        await Expect(own).ToContainTextAsync("your own account keeps admin");
        await own.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {person.Email}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Edit {person.Email}" });
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Marketer" }).UncheckAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Approver" }).CheckAsync();
        await dialog.GetByLabel("New password").FillAsync("short");
        session.ExpectFailedResponse(400, $"/api/users/{Uri.EscapeDataString(person.Email)}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("use at least 8 characters");
        await dialog.GetByLabel("New password").FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByTestId("users-notice")).ToContainTextAsync($"Saved {person.Email}");
        await Expect(page.GetByTestId($"user-{person.Email}").Locator(".chip")).ToHaveTextAsync(["Approver"]);

        // The next sign-in carries the new roles.
        var switched = await session.SignInAsync(person, "/");
        var nav = switched.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Approvals", "Customers", "Actions"]);
        await session.FinishAsync();
    }

    [ServiceFact(TestServices.Chromium)]
    public async Task Admin_creates_an_ingest_key_sees_when_it_was_used_and_revokes_it_and_the_key_is_refused()
    {
        await using var session = fixture.NewSession();
        var label = $"shop-{Guid.NewGuid():N}"[..13];
        var page = await session.SignInAsync(TestUser.Admin, "/users");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Create a key" });
        await form.GetByLabel("Label").FillAsync(label);
        await form.GetByLabel("Scope").SelectOptionAsync("ingest");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var shown = page.GetByTestId("new-key");
        await Expect(shown).ToContainTextAsync(label);
        var key = await shown.Locator("code").TextContentAsync() ?? "";

        // The key sends events and reads nobody's data.
        using var producer = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        producer.DefaultRequestHeaders.Add("X-Api-Key", key);
        var batch = new { events = new[] { new { customerId = CustomerEvents.NewCustomerId("keyed"), type = "page_view", timestamp = DateTime.UtcNow } } };
        using (var accepted = await producer.PostAsJsonAsync("/api/events", batch))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using (var refused = await producer.GetAsync(new Uri("/api/customers", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await page.ReloadAsync();
        var row = page.GetByTestId("key-table").GetByRole(AriaRole.Row).Filter(new() { HasText = label });
        await Expect(row).ToContainTextAsync("Ingest");
        await Expect(row).ToContainTextAsync("active");
        await Expect(row.Locator("td").Nth(2)).Not.ToHaveTextAsync("never");
        await session.SnapshotAsync("keys");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {label}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Revoke {label}?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {label}" })).ToHaveCountAsync(0);

        using var afterRevoke = await producer.PostAsJsonAsync("/api/events", batch);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        await session.FinishAsync();
    }
}
