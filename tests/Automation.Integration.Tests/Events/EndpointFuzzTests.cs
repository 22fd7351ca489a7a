using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Events;

public sealed class EndpointFuzzTests : IDisposable
{
    private readonly AutomationHost host = AutomationHost.Embedded();

    [Fact]
    public async Task Generated_bad_requests_get_a_problem_never_a_500_and_store_nothing()
    {
        using var client = host.ApiClient();
        var random = new Random(4242);
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 1_000; i++)
        {
            using var content = new ByteArrayContent(i % 50 == 49 ? new byte[(5 * 1024 * 1024) + 1] : BadEventBatches.Batch(random, "http-fuzz"));
            content.Headers.ContentType = new MediaTypeHeaderValue(i % 7 == 0 && i % 50 != 49 ? "text/plain" : "application/json");
            using var response = await client.PostAsync("/api/events", content);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True(
                response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType,
                $"request {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // what was accepted would be in the log by now (group commit)
        Assert.Equal(0, await StoredAsync());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.RequestEntityTooLarge) >= 20);
    }

    public void Dispose() => host.Dispose();

    /// <summary>
    /// This host's own stored events of the fuzz run (the accepted-events counter is process-wide: other tests' hosts in
    /// this test process add to it).
    /// </summary>
    private async Task<int> StoredAsync()
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
        return await db.Events.CountAsync(e => e.CustomerId.StartsWith("http-fuzz"));
    }
}
