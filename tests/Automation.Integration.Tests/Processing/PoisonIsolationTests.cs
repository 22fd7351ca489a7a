using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Processing;

/// <summary>
/// One customer whose events cannot be processed must never stop everyone else's: they are set aside with the error,
/// listed for a person, and processed again in order once retried. On both stacks, with real services.
/// </summary>
public sealed class PoisonIsolationTests : IDisposable
{
    private static readonly TimeSpan UsualDelay = TimeSpan.FromSeconds(15);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-poison-" + Guid.NewGuid().ToString("N")[..8]);

    public PoisonIsolationTests() => Directory.CreateDirectory(folder);

    public static TheoryData<string> Stacks => new() { "embedded", "rabbitmq+postgres" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task A_customer_whose_events_fail_is_set_aside_everyone_else_goes_on_and_a_retry_after_the_fix_processes_them_in_order(string stack)
    {
        using var backends = stack == "embedded" ? null : BrokerAndDatabase.Create();
        var sqlite = Path.Combine(folder, "automation.db");
        var host = Start(backends, sqlite);
        try
        {
            await PostAsync(host, "poison", "page_view", 1);
            await PostAsync(host, "good-1", "page_view", 1);
            await WaitProcessedAsync(host, "poison", 1);
            await WaitProcessedAsync(host, "good-1", 1);

            // The poison: a profile whose stored state no longer reads (an older build's format, a hand edit).
            await SetStateAsync(host, "poison", "{broken");
            if (backends is null)
            {
                // The embedded default holds profiles in memory: a new engine reads the damaged row.
                host.Dispose();
                host = Start(backends, sqlite);
            }

            await PostAsync(host, "poison", "purchase", 2);
            await PostAsync(host, "good-2", "page_view", 3);
            await WaitProcessedAsync(host, "good-2", 3);

            using var admin = await host.AdminAsync();
            var listed = await Poll.UntilAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/processing/quarantine"), q => q.GetArrayLength() == 1 && q[0].GetProperty("eventsHeld").GetInt32() == 2, UsualDelay);
            Assert.Equal(1, listed.GetArrayLength());
            var entry = listed[0];
            Assert.Equal("poison", entry.GetProperty("customerId").GetString());
            Assert.Contains("JsonException", entry.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal("fold, scores and segments", entry.GetProperty("stage").GetString());
            Assert.Equal(2, entry.GetProperty("eventIds").GetArrayLength());
            Assert.Equal(2, entry.GetProperty("eventsHeld").GetInt32());
            var health = await admin.GetFromJsonAsync<JsonElement>("/health");
            Assert.Equal("degraded", health.GetProperty("status").GetString());

            // While set aside, the customer's new events wait with the others; everyone else's go on.
            await PostAsync(host, "poison", "page_view", 1);
            await PostAsync(host, "good-3", "page_view", 2);
            await WaitProcessedAsync(host, "good-3", 2);
            listed = await Poll.UntilAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/processing/quarantine"), q => q.GetArrayLength() == 1 && q[0].GetProperty("eventsHeld").GetInt32() == 3, UsualDelay);
            Assert.Equal(3, listed[0].GetProperty("eventsHeld").GetInt32());

            // Fixed, then retried by a person: every event of theirs is folded, in order, exactly once.
            await SetStateAsync(host, "poison", "{}");
            using (var retry = await admin.PostAsync("/api/processing/quarantine/poison/retry", null))
            {
                Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
            }

            var profile = await WaitProcessedAsync(host, "poison", 1 + 2 + 1);
            Assert.Equal(2, profile.GetProperty("features").GetProperty("purchases").GetInt32());
            listed = await Poll.UntilAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/processing/quarantine"), q => q.GetArrayLength() == 0, UsualDelay);
            Assert.Equal(0, listed.GetArrayLength());
            health = await admin.GetFromJsonAsync<JsonElement>("/health");
            Assert.Equal("healthy", health.GetProperty("status").GetString());
            using var unknown = await admin.PostAsync("/api/processing/quarantine/poison/retry", null);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            host.Dispose();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the OS cleans the temp folder.
        }
    }

    private static AutomationHost Start(BrokerAndDatabase? backends, string sqlite)
    {
        var host = backends is null
            ? AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:SqlitePath"] = sqlite })
            : AutomationHost.OnRabbitMqAndPostgres(backends);
        _ = host.Server;
        return host;
    }

    private static async Task PostAsync(AutomationHost host, string customerId, string type, int count)
    {
        var events = Enumerable.Range(0, count).Select(i => new
        {
            id = $"{customerId}-{Guid.NewGuid():N}",
            customerId,
            type,
            timestamp = DateTime.UtcNow.AddMinutes(-10 + i).ToString("O"),
            value = type == "purchase" ? 25m : (decimal?)null,
        });
        using var response = await host.PostEventsAsync(new { events });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The customer's profile once it holds <paramref name="total"/> events.</summary>
    private static async Task<JsonElement> WaitProcessedAsync(AutomationHost host, string customerId, int total)
    {
        using var admin = await host.AdminAsync();
        return await ProcessedProfile.WaitAsync(admin, customerId, total, UsualDelay);
    }

    private static async Task SetStateAsync(AutomationHost host, string customerId, string dailyCounts)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
        var changed = await db.Profiles.Where(p => p.CustomerId == customerId).ExecuteUpdateAsync(u => u.SetProperty(p => p.DailyCountsJson, dailyCounts));
        Assert.Equal(1, changed);
    }
}
