using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Events;

/// <summary>Text that cannot be read as Unicode and timestamps no real behavior carries: 400 naming the item, nothing stored.</summary>
public sealed class UnreadableAndImplausibleEventTests : IClassFixture<BadBatchTests.Host>
{
    private readonly AutomationHost host;

    public UnreadableAndImplausibleEventTests(BadBatchTests.Host fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        host = fixture.Value;
    }

    public static TheoryData<string, byte[], string, string> BrokenItems() => new()
    {
        { "invalid UTF-8 in customerId", [.. "{\"customerId\":\"c-"u8, 0xff, .. "\",\"type\":\"page_view\",\"timestamp\":\"2026-01-02T10:00:00Z\"}"u8], "customerId", "valid Unicode" },
        { "a lone surrogate in customerId", "{\"customerId\":\"c-\\ud800\",\"type\":\"page_view\",\"timestamp\":\"2026-01-02T10:00:00Z\"}"u8.ToArray(), "customerId", "valid Unicode" },
        { "invalid UTF-8 in a property", [.. "{\"customerId\":\"c-1\",\"type\":\"page_view\",\"timestamp\":\"2026-01-02T10:00:00Z\",\"properties\":{\"path\":\"/p/"u8, 0xc3, 0x28, .. "\"}}"u8], "properties", "valid Unicode" },
        { "a lone surrogate in a property", "{\"customerId\":\"c-1\",\"type\":\"page_view\",\"timestamp\":\"2026-01-02T10:00:00Z\",\"properties\":{\"path\":\"\\udc00\"}}"u8.ToArray(), "properties", "valid Unicode" },
        { "a lone surrogate in identify's anonymousId", "{\"customerId\":\"c-1\",\"type\":\"identify\",\"timestamp\":\"2026-01-02T10:00:00Z\",\"properties\":{\"anonymousId\":\"a-\\ud800\"}}"u8.ToArray(), "properties", "valid Unicode" },
        { "a NUL character in customerId", "{\"customerId\":\"c-\\u0000\",\"type\":\"page_view\",\"timestamp\":\"2026-01-02T10:00:00Z\"}"u8.ToArray(), "customerId", "\\u0000" },
        { "a NUL character in a trait", "{\"customerId\":\"c-1\",\"type\":\"identify\",\"timestamp\":\"2026-01-02T10:00:00Z\",\"properties\":{\"name\":\"Ann\\u0000\"}}"u8.ToArray(), "properties", "\\u0000" },
        { "year 0001", "{\"customerId\":\"c-1\",\"type\":\"page_view\",\"timestamp\":\"0001-01-01T00:00:00Z\"}"u8.ToArray(), "timestamp", "before 1970-01-01" },
        { "a moment before 1970", "{\"customerId\":\"c-1\",\"type\":\"page_view\",\"timestamp\":\"1969-12-31T23:59:59Z\"}"u8.ToArray(), "timestamp", "before 1970-01-01" },
    };

    [Theory]
    [MemberData(nameof(BrokenItems))]
    public async Task A_batch_with_unreadable_text_or_an_implausible_timestamp_is_refused_with_400_naming_the_item_and_stores_nothing(
        string broken, byte[] badItem, string field, string reason)
    {
        var good = "good-" + Guid.NewGuid().ToString("N")[..8];
        byte[] body = [.. Encoding.UTF8.GetBytes($"{{\"events\":[{{\"customerId\":\"{good}\",\"type\":\"page_view\",\"timestamp\":\"2026-01-02T10:00:00Z\"}},"), .. badItem, .. "]}"u8];
        using var client = host.ApiClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/events", content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{broken}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal($"events[1].{field}", item.GetProperty("field").GetString());
        Assert.Equal(1, item.GetProperty("index").GetInt32());
        Assert.Contains(reason, item.GetProperty("message").GetString(), StringComparison.Ordinal);

        await Task.Delay(300);
        using var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/customers/{good}")).StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{good}/events")).GetArrayLength());
    }

    [Fact]
    public async Task The_earliest_accepted_moment_is_the_unix_epoch()
    {
        var customer = "epoch-" + Guid.NewGuid().ToString("N")[..8];
        var response = await host.PostEventsAsync(new { events = new[] { new { customerId = customer, type = "page_view", timestamp = "1970-01-01T00:00:00Z" } } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
