using System.Net;
using System.Net.Http.Json;
using Automation.Integration.Tests.Approvals;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Access;

public sealed class SessionTests(ApprovalsHost fixture) : IClassFixture<ApprovalsHost>
{
    private const string Password = "person-password-1";
    private readonly AutomationHost host = fixture.Host;

    [Fact]
    public async Task A_copied_session_cookie_stops_working_once_its_owner_signs_out()
    {
        using var admin = await host.AdminAsync();
        var email = $"leaver-{Guid.NewGuid():N}@example.test";
        using var person = await host.PersonAsync(admin, email, "marketer");
        var copied = await SessionCookie.SignInAsync(host, email, Password);
        Assert.Equal(HttpStatusCode.OK, await SessionCookie.StatusAsync(host, copied, "/api/customers"));

        using (var signedOut = await person.PostAsync(new Uri("/api/auth/signout", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionCookie.StatusAsync(host, copied, "/api/customers"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionCookie.StatusAsync(host, copied, "/api/auth/me"));
    }

    [Fact]
    public async Task A_password_change_ends_the_sessions_opened_with_the_old_password()
    {
        using var admin = await host.AdminAsync();
        var email = $"changer-{Guid.NewGuid():N}@example.test";
        using var person = await host.PersonAsync(admin, email, "marketer");
        var old = await SessionCookie.SignInAsync(host, email, Password);

        using (var changed = await admin.PutAsJsonAsync($"/api/users/{email}", new { password = "a-new-password-2" }))
        {
            changed.EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionCookie.StatusAsync(host, old, "/api/customers"));
        var fresh = await SessionCookie.SignInAsync(host, email, "a-new-password-2");
        Assert.Equal(HttpStatusCode.OK, await SessionCookie.StatusAsync(host, fresh, "/api/customers"));
    }

    [Fact]
    public async Task A_role_change_ends_the_sessions_that_carry_the_old_roles()
    {
        using var admin = await host.AdminAsync();
        var email = $"demoted-{Guid.NewGuid():N}@example.test";
        using var person = await host.PersonAsync(admin, email, "marketer", "approver");
        var old = await SessionCookie.SignInAsync(host, email, Password);
        Assert.Equal(HttpStatusCode.OK, await SessionCookie.StatusAsync(host, old, "/api/workflows"));

        using (var changed = await admin.PutAsJsonAsync($"/api/users/{email}", new { roles = new[] { "integrator" } }))
        {
            changed.EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionCookie.StatusAsync(host, old, "/api/workflows"));
        var fresh = await SessionCookie.SignInAsync(host, email, Password);
        Assert.Equal(HttpStatusCode.Forbidden, await SessionCookie.StatusAsync(host, fresh, "/api/workflows"));
    }

    [Fact]
    public async Task A_session_ends_after_its_lifetime_however_active_it_is()
    {
        var clock = new ShiftableClock();
        using var own = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:Access:SessionLifetime"] = "12:00:00" }, clock);
        var cookie = await SessionCookie.SignInAsync(own, PersonClient.AdminEmail, PersonClient.AdminPassword);

        clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, await SessionCookie.StatusAsync(own, cookie, "/api/auth/me"));
        clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionCookie.StatusAsync(own, cookie, "/api/auth/me"));
    }
}
