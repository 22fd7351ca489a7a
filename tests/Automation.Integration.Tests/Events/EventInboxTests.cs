using System.Globalization;
using Automation.Engine.Events;
using Automation.Engine.Processing;
using Automation.Engine.Processing.Embedded;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Events;

/// <summary>
/// On the embedded default a batch that arrives while another writer holds the SQLite file is made durable in the
/// inbox file and accepted at once; the processor moves it into the log. These tests hold the file's writer the way
/// the processor's batch writes do (an open write transaction) and check what a sender and a reader of profiles see.
/// </summary>
public sealed class EventInboxTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-inbox-" + Guid.NewGuid().ToString("N")[..8]);

    public EventInboxTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task A_batch_sent_while_the_writer_is_busy_is_accepted_without_waiting_and_folded_once_the_writer_frees()
    {
        var sqlite = Path.Combine(folder, "busy.db");
        await using var engine = await StartAsync(sqlite);
        var ingestion = engine.Services.GetRequiredService<EventIngestion>();
        var inbox = engine.Services.GetRequiredService<EventInbox>();

        IngestionResult result;
        await using (var writer = await HoldWriterAsync(engine))
        {
            // Waiting for the writer would never end here: the test holds it until the batch is answered.
            var ingesting = ingestion.IngestAsync(Batch("busy", 0, 30, "c-1"), CancellationToken.None);
            Assert.Same(ingesting, await Task.WhenAny(ingesting, Task.Delay(TimeSpan.FromSeconds(30))));
            result = await ingesting;

            await using var db = await Database(engine);
            Assert.Equal(0, await db.Events.CountAsync());
            Assert.Equal(30, inbox.Unmoved(db));
            Assert.Equal(30, SqliteInboxRows.Count(SqliteInboxRows.PathFor(sqlite)));
        }

        Assert.Equal(30, result.Accepted);
        Assert.Equal(0, result.Duplicates);
        await DrainAsync(engine);
        await using (var db = await Database(engine))
        {
            Assert.Equal(30, await db.Events.CountAsync());
            Assert.Equal(30, (await db.Profiles.SingleAsync(p => p.CustomerId == "c-1")).TotalEvents);
            Assert.Equal(0, inbox.Unmoved(db));
        }

        Assert.Equal(0, SqliteInboxRows.Count(SqliteInboxRows.PathFor(sqlite)));
    }

    [Fact]
    public async Task Events_staged_when_the_engine_stops_are_folded_by_the_next_engine_on_the_same_file()
    {
        var sqlite = Path.Combine(folder, "restart.db");
        await using (var engine = await StartAsync(sqlite))
        {
            var ingestion = engine.Services.GetRequiredService<EventIngestion>();
            await using var writer = await HoldWriterAsync(engine);
            Assert.Equal(40, (await ingestion.IngestAsync(Batch("restart", 0, 40, "c-2"), CancellationToken.None)).Accepted);
        }

        Assert.Equal(40, SqliteInboxRows.Count(SqliteInboxRows.PathFor(sqlite)));
        await using (var engine = await StartAsync(sqlite))
        {
            await DrainAsync(engine);
            await using var db = await Database(engine);
            Assert.Equal(40, await db.Events.CountAsync());
            Assert.Equal(40, (await db.Profiles.SingleAsync(p => p.CustomerId == "c-2")).TotalEvents);
        }

        Assert.Equal(0, SqliteInboxRows.Count(SqliteInboxRows.PathFor(sqlite)));
    }

    [Fact]
    public async Task An_event_id_already_in_the_log_or_already_staged_is_counted_as_a_duplicate_and_stored_once()
    {
        await using var engine = await StartAsync(Path.Combine(folder, "duplicates.db"));
        var ingestion = engine.Services.GetRequiredService<EventIngestion>();

        // Ids 0-9 go straight into the log; the writer is free.
        Assert.Equal(10, (await ingestion.IngestAsync(Batch("dup", 0, 10, "c-3"), CancellationToken.None)).Accepted);
        await using (var writer = await HoldWriterAsync(engine))
        {
            var overLog = await ingestion.IngestAsync(Batch("dup", 5, 10, "c-3"), CancellationToken.None);
            Assert.Equal((5, 5), (overLog.Accepted, overLog.Duplicates));
            var overInbox = await ingestion.IngestAsync(Batch("dup", 12, 10, "c-3"), CancellationToken.None);
            Assert.Equal((7, 3), (overInbox.Accepted, overInbox.Duplicates));
        }

        // The first batch to find the writer free moves what is staged into the log ahead of itself.
        var after = await ingestion.IngestAsync(Batch("dup", 20, 5, "c-3"), CancellationToken.None);
        Assert.Equal((3, 2), (after.Accepted, after.Duplicates));
        await using (var moved = await Database(engine))
        {
            Assert.Equal(25, await moved.Events.CountAsync());
            Assert.Equal(0, engine.Services.GetRequiredService<EventInbox>().Unmoved(moved));
        }

        await DrainAsync(engine);
        await using var db = await Database(engine);
        Assert.Equal(25, await db.Events.CountAsync());
        Assert.Equal(25, (await db.Profiles.SingleAsync(p => p.CustomerId == "c-3")).TotalEvents);
        var order = await db.Events.OrderBy(e => e.Sequence).Select(e => e.EventId).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"dup-{i}"), order);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The engine's last checkpoint may still be closing its files; the OS cleans the temp folder.
        }
    }

    private static List<IncomingEvent?> Batch(string prefix, int from, int count, string customer)
    {
        var start = DateTime.UtcNow.AddDays(-3);
        return [.. Enumerable.Range(from, count).Select(i => (IncomingEvent?)new IncomingEvent(
            $"{prefix}-{i}", customer, i % 5 == 0 ? "pricing_view" : "page_view", start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), null, null))];
    }

    /// <summary>An open write transaction on the engine file: every other writer of the process queues behind it.</summary>
    private static async Task<HeldWriter> HoldWriterAsync(WebApplication engine)
    {
        var db = await Database(engine);
        var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE processing_checkpoints SET \"Sequence\" = \"Sequence\" WHERE 0");
        return new HeldWriter(db, transaction);
    }

    private static async Task DrainAsync(WebApplication engine)
    {
        var processor = engine.Services.GetRequiredService<EventProcessor>();
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }

        await processor.DrainAsync(CancellationToken.None);
    }

    private static Task<AutomationDbContext> Database(WebApplication engine) => DrivenEngine.DatabaseAsync(engine);

    private static Task<WebApplication> StartAsync(string sqlite) => DrivenEngine.StartAsync(sqlite);

    private sealed class HeldWriter(AutomationDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
