using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Operations;

public sealed class ProbeTests : IDisposable
{
    private readonly AutomationHost host = AutomationHost.Embedded();

    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_on_a_running_engine()
    {
        using var client = host.CreateClient();
        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/ready")]
    [InlineData("/livez")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/events/unknown")]
    public async Task Unknown_api_and_probe_like_paths_answer_404_not_the_web_app(string path)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Web_app_routes_still_load_the_web_app()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/workflows/at-risk-winback", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_event_batch_the_202_and_how_to_authenticate_and_the_reference_page_serves_it()
    {
        using var client = host.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var post = document.GetProperty("paths").GetProperty("/api/events").GetProperty("post");
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var batch = schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
        Assert.True(batch.GetProperty("properties").TryGetProperty("events", out _), batch.ToString());
        var responses = post.GetProperty("responses");
        Assert.True(responses.TryGetProperty("202", out _), responses.ToString());
        Assert.False(responses.TryGetProperty("200", out _), responses.ToString());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Contains("anti-forgery", schemes.GetProperty("Session").GetProperty("description").GetString(), StringComparison.Ordinal);

        using var reference2 = await client.GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reference2.StatusCode);
        Assert.Equal("text/html", reference2.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => host.Dispose();
}
