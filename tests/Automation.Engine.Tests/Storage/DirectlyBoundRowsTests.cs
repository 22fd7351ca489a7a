using System.Text.Json;
using Automation.Engine.Events;
using Automation.Engine.Tests.Support;
using Automation.Storage;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Storage;

/// <summary>
/// The embedded default writes events, memberships and profiles by binding values itself (as UTF-8, straight into
/// SQLite): what it stores must read back exactly as what EF Core stores.
/// </summary>
public sealed class DirectlyBoundRowsTests
{
    [Fact]
    public async Task Rows_bound_directly_store_the_same_text_as_EF_Core_empty_and_non_ascii_text_included()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var at = new DateTime(2026, 11, 30, 8, 15, 42, 123, DateTimeKind.Utc).AddTicks(4567);
        SegmentMembership Row(string segment) => new()
        {
            SegmentKey = segment,
            CustomerId = "Zoë-✓-客户",
            EnteredAt = at,
            LastQualifiedAt = at.AddDays(1),
            ReasonsJson = "",
        };

        await using (var db = database.CreateDbContext())
        {
            db.SegmentMemberships.Add(Row("through-ef"));
            await db.SaveChangesAsync();
            await BulkRows.UpsertAsync(db, [Row("bound-directly")], CancellationToken.None);
        }

        await using (var db = database.CreateDbContext())
        {
            var stored = await db.Database.SqlQueryRaw<StoredText>(
                """SELECT "SegmentKey" AS Segment, "CustomerId" || '|' || "EnteredAt" || '|' || "LastQualifiedAt" || '|' || typeof("ReasonsJson") || ':' || "ReasonsJson" AS Text FROM segment_memberships ORDER BY "SegmentKey" """)
                .ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.Equal(stored.Single(s => s.Segment == "through-ef").Text, stored.Single(s => s.Segment == "bound-directly").Text);
            Assert.Contains("|text:", stored[0].Text, StringComparison.Ordinal);

            var read = await db.SegmentMemberships.AsNoTracking().SingleAsync(m => m.SegmentKey == "bound-directly");
            Assert.Equal(("Zoë-✓-客户", at, at.AddDays(1), ""), (read.CustomerId, read.EnteredAt, read.LastQualifiedAt, read.ReasonsJson));
        }
    }

    [Fact]
    public async Task An_appended_event_reads_back_with_its_exact_text_amount_and_time()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        using var properties = JsonDocument.Parse("""{"name":"Crème brûlée ☕","path":"/p/ü"}""");
        using var value = JsonDocument.Parse("1234.5600");
        var result = await database.Ingestion().IngestAsync(
            [new IncomingEvent("évènement-1", "client-ß", "purchase", "2026-11-30T08:15:42.1234567+01:00", value.RootElement, properties.RootElement)],
            CancellationToken.None);
        Assert.Equal(1, result.Accepted);

        await using var db = database.CreateDbContext();
        var stored = await db.Events.AsNoTracking().SingleAsync();
        Assert.Equal(("évènement-1", "client-ß", "purchase"), (stored.EventId, stored.CustomerId, stored.Type));
        Assert.Equal(new DateTime(2026, 11, 30, 7, 15, 42, DateTimeKind.Utc).AddTicks(1_234_567), stored.Timestamp);
        Assert.Equal(1234.56m, stored.Value);
        Assert.Equal("""{"name":"Crème brûlée ☕","path":"/p/ü"}""", stored.PropertiesJson);
    }

    private sealed record StoredText(string Segment, string Text);
}
