using System.Net;
using System.Net.Http.Json;
using Automation.Integration.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Automation.Integration.Tests.Security;

public sealed class EdgeHeadersTests : IClassFixture<EdgeHeadersTests.Host>
{
    private readonly AutomationHost host;

    public EdgeHeadersTests(Host fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        host = fixture.Value;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/workflows")]
    [InlineData("/api/auth/me")]
    [InlineData("/health")]
    [InlineData("/api/no-such-route")]
    public async Task Every_response_carries_the_content_security_policy_and_the_framing_sniffing_and_referrer_headers(string path)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_refused_request_carries_the_headers_too()
    {
        using var client = host.ApiClient();
        using var content = new StringContent("{ broken", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/events", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Without_forwarded_headers_enabled_a_client_claiming_https_does_not_get_a_secure_cookie_over_http()
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signin") { Content = JsonContent.Create(new { email = "admin@automation.local", password = PersonClient.AdminPassword }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("automation.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class Host : IDisposable
    {
        public AutomationHost Value { get; } = AutomationHost.Embedded();

        public void Dispose() => Value.Dispose();
    }
}
