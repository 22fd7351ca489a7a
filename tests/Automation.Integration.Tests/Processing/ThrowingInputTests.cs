using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Testing;

namespace Automation.Integration.Tests.Processing;

/// <summary>
/// The two reproductions of a stopped engine: a segment expression that throws for some customers, and
/// amounts that add past the largest decimal. Neither may stop processing for anyone, on either stack.
/// </summary>
public sealed class ThrowingInputTests
{
    private static readonly TimeSpan UsualDelay = TimeSpan.FromSeconds(15);

    public static TheoryData<string> Stacks => new() { "embedded", "rabbitmq+postgres" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task A_segment_that_throws_for_a_customer_leaves_them_out_shows_the_error_and_processing_goes_on(string stack)
    {
        using var host = stack == "embedded" ? AutomationHost.Embedded() : AutomationHost.OnRabbitMqAndPostgres();
        using var admin = await host.AdminAsync();

        // Saved before any profile exists, so nothing could try it: the engine meets the error only while processing.
        using (var saved = await admin.PutAsJsonAsync("/api/segments/broken", new { name = "Broken", expression = "1 / (Features.Purchases - Features.Purchases) >= 0" }))
        {
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        await PostAsync(host, "c1", "page_view");
        await PostAsync(host, "c2", "page_view");
        await WaitProcessedAsync(admin, "c1");
        await WaitProcessedAsync(admin, "c2");
        await PostAsync(host, "c3", "page_view");
        var c3 = await WaitProcessedAsync(admin, "c3");
        Assert.DoesNotContain(c3.GetProperty("segments").EnumerateArray(), s => s.GetProperty("key").GetString() == "broken");

        var segments = await admin.GetFromJsonAsync<JsonElement>("/api/segments");
        var broken = segments.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "broken");
        Assert.Equal(0, broken.GetProperty("size").GetInt32());
        var error = broken.GetProperty("evaluationError");
        Assert.Contains("DivideByZeroException", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("c", error.GetProperty("customerId").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("count").GetInt64() >= 3);

        // With real profiles to try it on, a throwing expression is refused before it is saved, naming who and why.
        using var refused = await admin.PutAsJsonAsync("/api/segments/broken-too", new { name = "Broken too", expression = "1 / Features.Purchases >= 0" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var item = problem.GetProperty("problems")[0];
        Assert.Equal("expression", item.GetProperty("field").GetString());
        Assert.Matches("fails for customer 'c[123]': DivideByZeroException", item.GetProperty("message").GetString());

        // Preview answers, counting them out, with the first failure named.
        using var preview = await admin.PostAsJsonAsync("/api/segments/preview", new { expression = "1 / Features.Purchases >= 0" });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, previewed.GetProperty("count").GetInt32());
        Assert.Contains("DivideByZeroException", previewed.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Amounts_past_the_documented_range_are_refused_and_totals_never_overflow(string stack)
    {
        using var host = stack == "embedded" ? AutomationHost.Embedded() : AutomationHost.OnRabbitMqAndPostgres();
        using var admin = await host.AdminAsync();
        using var client = host.ApiClient();
        var huge = "{\"events\":[{\"customerId\":\"rich\",\"type\":\"purchase\",\"timestamp\":\"" + Timestamp() + "\",\"value\":79228162514264337593543950335}]}";
        using (var body = new StringContent(huge, Encoding.UTF8, "application/json"))
        using (var response = await client.PostAsync("/api/events", body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var item = problem.GetProperty("problems")[0];
            Assert.Equal("events[0].value", item.GetProperty("field").GetString());
            Assert.Contains("1,000,000,000", item.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The largest amounts accepted, many times over: the total stops at its documented ceiling instead of overflowing.
        var events = Enumerable.Range(0, 200).Select(i => new { customerId = "rich", type = "purchase", timestamp = Timestamp(), value = 1_000_000_000m });
        using (var accepted = await host.PostEventsAsync(new { events }))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await PostAsync(host, "someone-else", "page_view");
        await WaitProcessedAsync(admin, "someone-else");
        var rich = await WaitProcessedAsync(admin, "rich", 200);
        Assert.Equal(200, rich.GetProperty("features").GetProperty("purchases").GetInt32());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/processing/quarantine")).GetArrayLength());
    }

    private static string Timestamp() => DateTime.UtcNow.AddMinutes(-5).ToString("O");

    private static async Task PostAsync(AutomationHost host, string customerId, string type)
    {
        using var response = await host.PostEventsAsync(new { events = new[] { new { customerId, type, timestamp = Timestamp() } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<JsonElement> WaitProcessedAsync(HttpClient admin, string customerId, int total = 1) =>
        ProcessedProfile.WaitAsync(admin, customerId, total, UsualDelay);
}
