using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Automation.Integration.Tests.Support;

/// <summary>The API as a signed-in person: the auth cookie, and X-XSRF-TOKEN on every request.</summary>
public static class PersonClient
{
    public const string AdminEmail = "admin@automation.local";
    public const string AdminPassword = "admin-password-1";

    public static Task<HttpClient> AdminAsync(this AutomationHost host) => host.SignInAsync(AdminEmail, AdminPassword);

    public static async Task<HttpClient> SignInAsync(this AutomationHost host, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var signIn = await client.PostAsJsonAsync("/api/auth/signin", new { email, password });
        signIn.EnsureSuccessStatusCode();
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    /// <summary>An admin creates a person with these roles; the person's signed-in client is returned.</summary>
    public static async Task<HttpClient> PersonAsync(this AutomationHost host, HttpClient admin, string email, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(admin);
        const string password = "person-password-1";
        using var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName = email, password, roles });
        created.EnsureSuccessStatusCode();
        return await host.SignInAsync(email, password);
    }
}
