using System.Text.Json;
using Automation.Plugins.Retargeting;
using Automation.Plugins.Sdk;
using Automation.Plugins.Tests.Support;

namespace Automation.Plugins.Tests.Retargeting;

/// <summary>The retargeting actions against a real HTTP server standing in for the ad platform's audience API.</summary>
public sealed class AudienceApiTests : IAsyncLifetime
{
    private RecordingServer adPlatform = null!;
    private PluginUnderTest plugin = null!;

    public async Task InitializeAsync()
    {
        adPlatform = await RecordingServer.StartAsync();
        plugin = Retargeting(adPlatform.BaseUrl + "v1");
    }

    public async Task DisposeAsync()
    {
        await plugin.DisposeAsync();
        await adPlatform.DisposeAsync();
    }

    [Fact]
    public async Task Including_a_customer_posts_the_hashed_email_and_phone_to_the_audience()
    {
        var result = await plugin.DispatchAsync("retargeting.include", Requests.Customer(email: "Jane.Doe@Example.com ", phone: "+1 (415) 555-0123"), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        var call = Assert.Single(adPlatform.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v1/audiences/prospecting/users", call.Path);
        Assert.Equal("Bearer test-token", call.Header("Authorization"));
        var body = call.Json();
        Assert.Equal(new[] { "EMAIL_SHA256", "PHONE_SHA256" }, Strings(body.GetProperty("schema")));
        var row = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(new[] { KnownHashes.JaneDoeEmail, KnownHashes.UsPhone }, Strings(row));
    }

    [Fact]
    public async Task Excluding_a_customer_posts_the_hashed_email_to_the_audience_remove_endpoint()
    {
        var result = await plugin.DispatchAsync("retargeting.exclude", Requests.Customer(email: "jane.doe@example.com"), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        var call = Assert.Single(adPlatform.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v1/audiences/prospecting/users:remove", call.Path);
        var row = Assert.Single(call.Json().GetProperty("data").EnumerateArray());
        Assert.Equal(new[] { KnownHashes.JaneDoeEmail, "" }, Strings(row));
    }

    [Fact]
    public async Task The_dispatch_idempotency_key_travels_with_the_batch_so_a_retry_is_harmless()
    {
        var request = Requests.For("retargeting.include", Requests.Customer(), new { audience = "prospecting" });
        var handler = Handler("retargeting.include");

        await handler.HandleAsync(request, CancellationToken.None);
        await handler.HandleAsync(request with { Attempt = 2 }, CancellationToken.None);

        Assert.Equal(2, adPlatform.Requests.Count);
        Assert.All(adPlatform.Requests, r =>
        {
            Assert.Equal(request.IdempotencyKey, r.Json().GetProperty("idempotencyKey").GetString());
            Assert.Equal(request.IdempotencyKey, r.Header("Idempotency-Key"));
        });
    }

    [Fact]
    public async Task A_gmail_address_is_matched_without_its_dots_and_plus_tag()
    {
        await plugin.DispatchAsync("retargeting.include", Requests.Customer(email: " John.Smith+ads@GMAIL.com"), new { audience = "prospecting" });

        var row = Assert.Single(Assert.Single(adPlatform.Requests).Json().GetProperty("data").EnumerateArray());
        Assert.Equal(KnownHashes.JohnSmithGmail, row[0].GetString());
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task An_overloaded_or_failing_ad_platform_makes_the_action_retryable(int status)
    {
        adPlatform.Answer = (status, """{ "error": { "message": "try later" } }""");

        var result = await plugin.DispatchAsync("retargeting.exclude", Requests.Customer(), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.RetryableFailure, result.Outcome);
        Assert.Contains($"{status}", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_ad_platform_rejects_fails_permanently_with_the_platform_message()
    {
        adPlatform.Answer = (400, """{ "error": { "code": 400, "message": "Audience 'prospecting' is closed for edits" } }""");

        var result = await plugin.DispatchAsync("retargeting.exclude", Requests.Customer(), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("Audience 'prospecting' is closed for edits", result.Detail, StringComparison.Ordinal);
        Assert.Contains("400", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ad_platform_that_does_not_answer_in_time_makes_the_action_retryable()
    {
        adPlatform.Delay = TimeSpan.FromSeconds(5);
        await using var impatient = Retargeting(adPlatform.BaseUrl + "v1", ("TimeoutSeconds", "1"));

        var result = await impatient.DispatchAsync("retargeting.include", Requests.Customer(), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.RetryableFailure, result.Outcome);
        Assert.Contains("did not answer", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_ad_platform_makes_the_action_retryable()
    {
        await using var offline = Retargeting($"http://127.0.0.1:{ClosedPort.Find()}/v1");

        var result = await offline.DispatchAsync("retargeting.include", Requests.Customer(), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.RetryableFailure, result.Outcome);
    }

    [Fact]
    public async Task A_customer_with_neither_email_nor_phone_fails_permanently_without_calling_the_platform()
    {
        var result = await plugin.DispatchAsync("retargeting.include", Requests.Customer(email: null, phone: "  "), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("no identifier to match in the ad platform", result.Detail);
        Assert.Empty(adPlatform.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../secrets")]
    [InlineData("a/b")]
    public async Task An_audience_name_that_is_empty_or_could_leave_its_path_is_refused(string audience)
    {
        var result = await plugin.DispatchAsync("retargeting.include", Requests.Customer(), new { audience });

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
        Assert.Empty(adPlatform.Requests);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "(null)")];

    private static PluginUnderTest Retargeting(string baseUrl, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = baseUrl,
            ["AccessToken"] = "test-token",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new PluginUnderTest(new RetargetingPlugin(), settings);
    }

    private ActionHandler Handler(string actionType) => plugin.Handler(actionType);
}
