using System.Globalization;
using System.Text.Json;
using Automation.Engine.Processing;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Profiles;

/// <summary>
/// The embedded processor keeps profiles in memory under a backlog and writes them behind. These tests kill it with
/// profiles only in memory and check that a new engine ends exactly where an engine that never died ends.
/// </summary>
public sealed class WriteBehindRecoveryTests : IDisposable
{
    private const int Customers = 20;
    private const int EventsPerCustomer = 50;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-wb-" + Guid.NewGuid().ToString("N")[..8]);

    public WriteBehindRecoveryTests() => Directory.CreateDirectory(folder);

    /// <param name="markEvery">Events folded before they are marked processed ahead of a flush: 100 marks them batch by batch, so the engine dies with events marked whose profiles are only in memory.</param>
    [Theory]
    [InlineData(1_000_000)]
    [InlineData(100)]
    public async Task Profiles_held_in_memory_when_the_engine_dies_are_rebuilt_from_the_log_with_no_segment_message_sent_twice(int markEvery)
    {
        var events = History();

        // The reference: one engine takes every event and is never interrupted.
        var steady = Path.Combine(folder, "steady.db");
        await using (var engine = await StartAsync(steady, markEvery))
        {
            await IngestAsync(engine, events);
            await DrainAsync(engine);
        }

        // The crash: half of the events processed with their profiles only in memory, then the engine is gone.
        var crashed = Path.Combine(folder, "crashed.db");
        await using (var engine = await StartAsync(crashed, markEvery))
        {
            await IngestAsync(engine, events);
            var processor = engine.Services.GetRequiredService<EventProcessor>();
            for (var batch = 0; batch < events.Count / 100 / 2; batch++)
            {
                Assert.Equal(100, await processor.ProcessBatchAsync(CancellationToken.None));
            }

            await using var db = await Database(engine);

            // Filing runs on the other core, behind the batches: its last step may still be going on.
            var filed = markEvery > events.Count
                ? await db.Set<EventCustomerKey>().CountAsync()
                : await Poll.UntilAsync(() => db.Set<EventCustomerKey>().CountAsync(), n => n >= events.Count / 2 - 100, TimeSpan.FromSeconds(10));
            Assert.True(markEvery > events.Count ? filed == 0 : filed >= events.Count / 2 - 100, $"{filed} events were filed by customer");
            Assert.True(await db.Profiles.SumAsync(p => p.TotalEvents) < events.Count / 2, "the profiles of the first half should still be in memory only");
        }

        await using (var engine = await StartAsync(crashed, markEvery))
        {
            await DrainAsync(engine);
        }

        var expected = await SnapshotAsync(steady);
        var actual = await SnapshotAsync(crashed);
        Assert.Equal(Customers, actual.Profiles.Count);
        Assert.All(actual.Profiles, p => Assert.Equal(EventsPerCustomer, p.TotalEvents));
        Assert.Equal(expected.Profiles, actual.Profiles);
        Assert.NotEmpty(expected.Messages);
        Assert.Equal(expected.Messages, actual.Messages);
        Assert.Equal(expected.Memberships, actual.Memberships);
    }

    [Fact]
    public async Task A_deep_backlog_taken_in_backlog_batches_ends_in_the_same_profiles_and_memberships_as_small_batches()
    {
        var events = History();
        var small = Path.Combine(folder, "small.db");
        await using (var engine = await StartAsync(small))
        {
            await IngestAsync(engine, events);
            await DrainAsync(engine);
        }

        var deep = Path.Combine(folder, "deep.db");
        await using (var engine = await StartAsync(deep, backlogBatch: events.Count / 2))
        {
            await IngestAsync(engine, events);
            var processor = engine.Services.GetRequiredService<EventProcessor>();

            // Half the log waits after the first backlog batch: still deep enough for a second one.
            Assert.Equal(events.Count / 2, await processor.ProcessBatchAsync(CancellationToken.None));
            Assert.Equal(events.Count / 2, await processor.ProcessBatchAsync(CancellationToken.None));
            await DrainAsync(engine);
        }

        var expected = await SnapshotAsync(small);
        var actual = await SnapshotAsync(deep);
        Assert.Equal(expected.Profiles, actual.Profiles);
        Assert.Equal(expected.Memberships, actual.Memberships);

        // Evaluated once per backlog batch, a customer's passing entries and exits within it are not announced.
        Assert.NotEmpty(actual.Messages);
        Assert.True(actual.Messages.Count <= expected.Messages.Count, $"{actual.Messages.Count} messages against {expected.Messages.Count}");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Interleaved page views, cart adds and purchases of 20 customers, oldest first.</summary>
    private static List<IncomingEvent?> History()
    {
        var start = DateTime.UtcNow.AddDays(-20);
        var list = new List<IncomingEvent?>();
        for (var i = 0; i < Customers * EventsPerCustomer; i++)
        {
            var type = (i % 7) switch { 0 => "purchase", 1 => "add_to_cart", 2 => "pricing_view", _ => "page_view" };
            list.Add(new IncomingEvent(
                $"wb-{i}",
                $"wb-c{i % Customers}",
                type,
                start.AddMinutes(i * 17).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                type == "purchase" ? JsonSerializer.SerializeToElement(40 + (i % 13)) : null,
                null));
        }

        return list;
    }

    /// <summary>The engine as the host composes it, with no background services: the test drives the processor.</summary>
    private static Task<WebApplication> StartAsync(string sqlite, int markEvery = 1_000_000, int backlogBatch = 100) => DrivenEngine.StartAsync(sqlite, new Dictionary<string, string>
    {
        ["Automation:Processing:BatchSize"] = "100",
        ["Automation:Processing:BacklogBatchSize"] = backlogBatch.ToString(CultureInfo.InvariantCulture),
        ["Automation:Processing:ProfileFlushInterval"] = "01:00:00",
        ["Automation:Processing:MarkProcessedEvery"] = markEvery.ToString(CultureInfo.InvariantCulture),
    });

    private static async Task IngestAsync(WebApplication engine, List<IncomingEvent?> events)
    {
        var ingestion = engine.Services.GetRequiredService<EventIngestion>();
        foreach (var chunk in events.Chunk(250))
        {
            Assert.False((await ingestion.IngestAsync(chunk, CancellationToken.None)).Rejected);
        }
    }

    private static async Task DrainAsync(WebApplication engine)
    {
        var processor = engine.Services.GetRequiredService<EventProcessor>();
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }

        await using var db = await Database(engine);
        Assert.Equal(0, await EventCustomerRows.UnprocessedAsync(db, CancellationToken.None));
        Assert.Equal(await db.Events.CountAsync(), await db.Set<EventCustomerKey>().CountAsync());
    }

    private static Task<AutomationDbContext> Database(WebApplication engine) =>
        engine.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();

    /// <summary>What a user sees of the outcome: each profile's aggregates, the memberships, and the segment messages queued.</summary>
    private static async Task<Snapshot> SnapshotAsync(string sqlite)
    {
        await using var engine = await StartAsync(sqlite);
        await using var db = await Database(engine);
        var profiles = (await db.Profiles.AsNoTracking().OrderBy(p => p.CustomerId).ToListAsync())
            .Select(p => new ProfileFigures(p.CustomerId, p.TotalEvents, p.Purchases, p.Monetary, p.Sessions, p.AbandonedCarts, p.FirstSeen, p.LastSeen, p.DailyCountsJson, p.RfmSegment))
            .ToList();
        var memberships = (await db.SegmentMemberships.AsNoTracking().Select(m => m.CustomerId + "|" + m.SegmentKey).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        var messages = (await db.Outbox.AsNoTracking().Select(m => new { m.MessageType, m.Body }).ToListAsync())
            .SelectMany(m => m.MessageType == OutboxEnvelope.TypeName
                ? OutboxEnvelope.Read(m.Body).Select(i => (i.Type, Body: i.Body.GetRawText()))
                : [(Type: m.MessageType, m.Body)])
            .Select(m => m.Type + "|" + Field(m.Body, "customerId") + "|" + Field(m.Body, "segment"))
            .Order(StringComparer.Ordinal).ToList();
        return new Snapshot(profiles, memberships, messages);
    }

    private static string? Field(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
    }

    private sealed record ProfileFigures(string CustomerId, int TotalEvents, int Purchases, decimal Monetary, int Sessions, int AbandonedCarts, DateTime FirstSeen, DateTime LastSeen, string DailyCounts, string? RfmSegment);

    private sealed record Snapshot(List<ProfileFigures> Profiles, List<string> Memberships, List<string> Messages);
}
