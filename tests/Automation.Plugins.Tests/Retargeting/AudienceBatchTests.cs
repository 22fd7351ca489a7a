using System.Text.Json;
using Automation.Plugins.Retargeting;
using Automation.Plugins.Sdk;
using Automation.Plugins.Tests.Support;

namespace Automation.Plugins.Tests.Retargeting;

/// <summary>Audience changes handed over in batches, against a real HTTP server standing in for the audience API.</summary>
public sealed class AudienceBatchTests : IAsyncLifetime
{
    private RecordingServer adPlatform = null!;
    private PluginUnderTest plugin = null!;

    public async Task InitializeAsync()
    {
        adPlatform = await RecordingServer.StartAsync();
        plugin = new PluginUnderTest(new RetargetingPlugin(), new Dictionary<string, string?> { ["BaseUrl"] = adPlatform.BaseUrl + "v1", ["AccessToken"] = "test-token" });
    }

    public async Task DisposeAsync()
    {
        await plugin.DisposeAsync();
        await adPlatform.DisposeAsync();
    }

    [Fact]
    public async Task A_batch_of_thirty_thousand_changes_reaches_the_platform_as_requests_of_at_most_ten_thousand_hashed_members_per_audience()
    {
        var requests = Changes("prospecting", 25_000).Concat(Changes("winback", 5_000)).ToList();
        requests.Add(Requests.For("retargeting.include", Requests.Customer(id: "nobody", email: null), new { audience = "prospecting" }));

        var results = await Batch().HandleBatchAsync(requests, CancellationToken.None);

        Assert.Equal(requests.Count, results.Count);
        Assert.Equal(ActionOutcome.PermanentFailure, results[^1].Outcome);
        Assert.All(results.SkipLast(1), r => Assert.Equal(ActionOutcome.Succeeded, r.Outcome));
        var calls = adPlatform.Requests;
        Assert.Equal(4, calls.Count);
        var prospecting = calls.Where(c => c.Path == "/v1/audiences/prospecting/users").Select(c => c.Json().GetProperty("data").GetArrayLength()).Order().ToList();
        Assert.Equal([5_000, 10_000, 10_000], prospecting);
        Assert.Equal(5_000, Assert.Single(calls, c => c.Path == "/v1/audiences/winback/users").Json().GetProperty("data").GetArrayLength());

        // Every member arrives once, hashed: no address in the clear.
        var hashes = calls.SelectMany(c => c.Json().GetProperty("data").EnumerateArray().Select(row => row[0].GetString()!)).ToList();
        Assert.Equal(30_000, hashes.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(MatchKeys.Sha256Hex("member-7@example.com"), hashes);
        Assert.DoesNotContain(calls, c => c.Body.Contains("@example.com", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Equal(c.Json().GetProperty("idempotencyKey").GetString(), c.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task The_same_batch_sent_again_carries_the_same_keys_so_the_platform_drops_the_repeat()
    {
        var requests = Changes("prospecting", 300).ToList();

        await Batch().HandleBatchAsync(requests, CancellationToken.None);
        await Batch().HandleBatchAsync([.. requests.Select(r => r with { Attempt = 2 })], CancellationToken.None);

        Assert.Equal(2, adPlatform.Requests.Count);
        Assert.Single(adPlatform.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task A_request_the_platform_cannot_take_now_makes_each_of_its_members_retryable()
    {
        adPlatform.Answer = (503, """{ "error": { "message": "try later" } }""");

        var results = await Batch().HandleBatchAsync([.. Changes("prospecting", 20)], CancellationToken.None);

        Assert.Equal(20, results.Count);
        Assert.All(results, r => Assert.Equal(ActionOutcome.RetryableFailure, r.Outcome));
        Assert.Single(adPlatform.Requests);
    }

    private BatchActionHandler Batch() => Assert.IsAssignableFrom<BatchActionHandler>(plugin.Handler("retargeting.include"));

    private static IEnumerable<ActionRequest> Changes(string audience, int count) =>
        Enumerable.Range(0, count).Select(i => Requests.For("retargeting.include", Requests.Customer(id: $"{audience}-{i}", email: audience == "prospecting" ? $"member-{i}@example.com" : $"{audience}-{i}@example.com"), new { audience }));
}
