using System.Text.Json;
using Automation.Engine.Tests.Support;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Automation.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Storage;

/// <summary>
/// The embedded default reads pages of profiles and memberships straight from SQLite (the segment sweep): every
/// entity must come back exactly as EF Core reads it, nulls, fractions of a second, decimals and non-ASCII text included.
/// </summary>
public sealed class DirectlyReadRowsTests
{
    [Fact]
    public async Task Profiles_read_directly_equal_the_profiles_EF_Core_reads()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var at = new DateTime(2026, 11, 30, 8, 15, 42, 123, DateTimeKind.Utc).AddTicks(4567);
        await using (var db = database.CreateDbContext())
        {
            db.Profiles.AddRange(
                new CustomerProfile { CustomerId = "a-Zoë-✓-客户", Email = "zoe@example.com", FirstSeen = at.Date, LastSeen = at, LastPurchaseAt = at.AddDays(-3), Purchases = 3, Monetary = 1234.5600m, RefundTotal = 0.01m, Unsubscribed = true, ChurnRisk = 0.8891, ScoreReasonsJson = """{"ChurnRisk":[{"text":"no purchase for 3 days"}]}""", UpdatedAt = at, DailyCountsJson = "" },
                new CustomerProfile { CustomerId = "b-plain", FirstSeen = new DateTime(1997, 1, 5, 0, 0, 0, DateTimeKind.Utc), LastSeen = new DateTime(1998, 6, 30, 23, 59, 59, DateTimeKind.Utc), Monetary = 79228162514264337593543950335m, UpdatedAt = at });
            db.SegmentMemberships.AddRange(
                new SegmentMembership { SegmentKey = "vip", CustomerId = "a-Zoë-✓-客户", EnteredAt = at, LastQualifiedAt = at.AddDays(1), ReasonsJson = "[]" },
                new SegmentMembership { SegmentKey = "at-risk", CustomerId = "b-plain", EnteredAt = at.AddTicks(1), LastQualifiedAt = at.AddTicks(10) });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            var after = "a";
            var direct = await SqliteDirectReads.TryListAsync(db, db.Profiles.Where(p => string.Compare(p.CustomerId, after) > 0).OrderBy(p => p.CustomerId), CancellationToken.None);
            var throughEf = await db.Profiles.AsNoTracking().Where(p => string.Compare(p.CustomerId, after) > 0).OrderBy(p => p.CustomerId).ToListAsync();
            Assert.NotNull(direct);
            Assert.Equal(2, direct.Count);
            Assert.Equal(JsonSerializer.Serialize(throughEf), JsonSerializer.Serialize(direct));
            Assert.Equal(DateTimeKind.Utc, direct[0].LastPurchaseAt!.Value.Kind);
            Assert.Null(direct[1].LastPurchaseAt);
            Assert.Null(direct[1].Email);
            Assert.Equal(1234.56m, direct[0].Monetary);

            var last = "b-plain";
            var memberships = await SqliteDirectReads.TryListAsync(db, db.SegmentMemberships.Where(m => string.Compare(m.CustomerId, last) <= 0).OrderBy(m => m.SegmentKey), CancellationToken.None);
            var membershipsThroughEf = await db.SegmentMemberships.AsNoTracking().Where(m => string.Compare(m.CustomerId, last) <= 0).OrderBy(m => m.SegmentKey).ToListAsync();
            Assert.NotNull(memberships);
            Assert.Equal(JsonSerializer.Serialize(membershipsThroughEf), JsonSerializer.Serialize(memberships));
            Assert.Equal(at.AddTicks(10), memberships[0].LastQualifiedAt);

            // A projection is not an entity read here: EF Core runs it.
            Assert.Null(await SqliteDirectReads.TryListAsync(db, db.Profiles.Select(p => new CustomerProfile { CustomerId = p.CustomerId }), CancellationToken.None));
        }
    }

    [Fact]
    public async Task Membership_pages_read_directly_equal_EF_Cores_with_and_without_a_previous_page()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var at = new DateTime(2026, 12, 8, 0, 5, 12, DateTimeKind.Utc).AddTicks(1234567);
        await using (var db = database.CreateDbContext())
        {
            for (var i = 0; i < 40; i++)
            {
                db.SegmentMemberships.Add(new SegmentMembership { SegmentKey = i % 3 == 0 ? "vip" : "at-risk", CustomerId = $"grp-{i:00}", EnteredAt = at.AddSeconds(i), LastQualifiedAt = at.AddSeconds(i), ReasonsJson = $$"""[{"Feature":"Features.PricingViews30d","Value":"{{i}}","Text":"pricing views: {{i}}"}]""" });
            }

            await db.SaveChangesAsync();
        }

        foreach (var after in new string?[] { null, "grp-09" })
        {
            await using var db = database.CreateDbContext();
            var last = "grp-30";
            var query = db.SegmentMemberships.Where(m => (after == null || string.Compare(m.CustomerId, after) > 0) && string.Compare(m.CustomerId, last) <= 0);
            var direct = await SqliteDirectReads.TryListAsync(db, query, CancellationToken.None);
            var throughEf = await query.AsNoTracking().ToListAsync();
            Assert.NotNull(direct);
            Assert.Equal(after is null ? 31 : 21, throughEf.Count);
            Assert.Equal(JsonSerializer.Serialize(throughEf), JsonSerializer.Serialize(direct));
        }
    }
}
