using Automation.Engine.Tests.Support;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Automation.Engine.Tests.Events;

public sealed class EventCustomerKeysMigrationTests
{
    [Fact]
    public async Task An_embedded_log_from_before_the_key_table_keeps_every_customers_events_findable_after_the_upgrade()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            // Back to the schema with the processed flag and its filtered customer index, and a log processed up to its 4th event.
            await db.GetService<IMigrator>().MigrateAsync("20261123181110_WriteBehindProfiles");
            for (var i = 1; i <= 6; i++)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO events ("EventId","CustomerId","Type","Timestamp","ReceivedAt","Processed")
                    VALUES ({"e" + i}, {(i % 2 == 0 ? "even" : "odd")}, 'page_view', {new DateTime(2026, 11, i, 0, 0, 0, DateTimeKind.Utc)}, {new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)}, {i <= 4})
                    """);
            }

            await db.Database.MigrateAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(4, await db.ProcessingCheckpoints.Where(c => c.Name == ProcessingCheckpoint.Indexed).Select(c => c.Sequence).SingleAsync());
            Assert.Equal(["e1", "e3"], await db.Set<EventCustomerKey>().Where(k => k.CustomerId == "odd").OrderBy(k => k.Sequence).Join(db.Events, k => k.Sequence, e => e.Sequence, (k, e) => e.EventId).ToListAsync());
            Assert.Equal(["e2", "e4", "e6"], await EventsOfAsync(db, "even"));
            Assert.Equal(["e1", "e3", "e5"], await EventsOfAsync(db, "odd"));

            // Filing moves the rest under their customers; nothing is found twice.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await EventCustomerRows.FileAsync(db, 6, CancellationToken.None);
            await transaction.CommitAsync();
            Assert.Equal(["e1", "e3", "e5"], await EventsOfAsync(db, "odd"));
            Assert.Equal(6, await db.Set<EventCustomerKey>().CountAsync());
        }
    }

    [Fact]
    public async Task Erasing_and_merging_a_customer_reach_its_filed_events_and_those_not_filed_yet()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var ingestion = database.Ingestion();
        var at = DateTime.UtcNow.AddHours(-1).ToString("O");
        await ingestion.IngestAsync([new("a1", "anon", "page_view", at, null, null), new("k1", "kept", "page_view", at, null, null), new("g1", "gone", "page_view", at, null, null)], CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await EventCustomerRows.FileAsync(db, await db.Events.MaxAsync(e => e.Sequence), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await ingestion.IngestAsync([new("a2", "anon", "page_view", at, null, null), new("g2", "gone", "page_view", at, null, null)], CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(2, await EventCustomerRows.DeleteAsync(db, "gone", CancellationToken.None));
            await EventCustomerRows.MoveAsync(db, "anon", "kept", CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(["a1", "a2", "k1"], await EventsOfAsync(db, "kept"));
            Assert.Empty(await EventsOfAsync(db, "anon"));
            Assert.Empty(await EventsOfAsync(db, "gone"));
            Assert.Equal(["a1", "a2", "k1"], (await db.Events.Select(e => e.EventId).ToListAsync()).Order());
            Assert.Equal(0, await db.Set<EventCustomerKey>().CountAsync(k => k.CustomerId != "kept"));
        }
    }

    private static async Task<List<string>> EventsOfAsync(AutomationDbContext db, string customerId)
    {
        var ids = new List<string>();
        foreach (var part in EventCustomerRows.Parts(db, customerId))
        {
            ids.AddRange(await part.Select(e => e.EventId).ToListAsync());
        }

        return [.. ids.Order()];
    }
}
