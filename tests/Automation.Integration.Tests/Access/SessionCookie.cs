using System.Net;
using System.Net.Http.Json;
using Automation.Integration.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Automation.Integration.Tests.Access;

/// <summary>A session cookie copied off a sign-in, replayed by a client that holds nothing else (as a thief would).</summary>
public static class SessionCookie
{
    public static async Task<string> SignInAsync(AutomationHost host, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var signIn = await client.PostAsJsonAsync("/api/auth/signin", new { email, password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("automation.auth=", StringComparison.Ordinal));
    }

    public static async Task<HttpStatusCode> StatusAsync(AutomationHost host, string cookie, string path)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
