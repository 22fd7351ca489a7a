using System.Net;
using System.Net.Http.Json;

namespace Automation.Integration.Tests.Security;

/// <summary>The real host behind a TLS-terminating proxy on loopback (a known proxy), as Kestrel sees its requests.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Behind_a_known_proxy_that_forwards_https_the_sign_in_cookie_is_secure_and_over_plain_http_it_is_not()
    {
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string>
        {
            ["Automation__ForwardedHeaders__Enabled"] = "true",
            ["Automation__ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/8",
        });
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };

        var (overTls, hsts) = await SignInAsync(client, forwardedProto: "https");
        var (plain, noHsts) = await SignInAsync(client, forwardedProto: null);

        Assert.Contains("secure", overTls, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Null(noHsts);
    }

    /// <summary>The sign-in cookie and the HSTS header (the host runs as in production; HSTS skips loopback names, so another is sent).</summary>
    private static async Task<(string Cookie, string? Hsts)> SignInAsync(HttpClient client, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signin")
        {
            Content = JsonContent.Create(new { email = HostProcess.AdminEmail, password = HostProcess.AdminPassword }),
        };
        request.Headers.Host = "automation.example";
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("automation.auth=", StringComparison.Ordinal));
        return (cookie, response.Headers.TryGetValues("Strict-Transport-Security", out var hsts) ? hsts.Single() : null);
    }
}
