using Automation.Engine.Scoring;
using Automation.Engine.Tests.Support;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Scoring;

public sealed class RfmScorerTests
{
    [Fact]
    public async Task The_set_based_recompute_gives_every_customer_the_scores_and_segment_the_per_profile_rules_give()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var now = DateTime.UtcNow;
        var random = new Random(3);
        await using (var db = database.CreateDbContext())
        {
            for (var i = 0; i < 400; i++)
            {
                var purchases = i % 5 == 0 ? 0 : random.Next(1, 30);
                db.Profiles.Add(new CustomerProfile
                {
                    CustomerId = $"c-{i}",
                    FirstSeen = now.AddDays(-400),
                    LastSeen = now.AddDays(-random.Next(300)),
                    Purchases = purchases,
                    LastPurchaseAt = purchases > 0 ? now.AddMinutes(-random.Next(365 * 1440)) : null,
                    Monetary = purchases * Math.Round((decimal)random.NextDouble() * 90, 2),
                    RfmSegment = purchases == 0 ? "stale" : null,
                    RecencyScore = purchases == 0 ? 3 : 0,
                });
            }

            await db.SaveChangesAsync();
        }

        var scorer = new RfmScorer(database, new FixedClock(now));
        await scorer.RefreshAsync(CancellationToken.None);

        await using var check = database.CreateDbContext();
        var profiles = await check.Profiles.AsNoTracking().ToListAsync();
        var segments = new HashSet<string?>();
        foreach (var stored in profiles)
        {
            var expected = new CustomerProfile { CustomerId = stored.CustomerId, Purchases = stored.Purchases, LastPurchaseAt = stored.LastPurchaseAt, Monetary = stored.Monetary };
            scorer.Score(expected, now);
            Assert.Equal((expected.RecencyScore, expected.FrequencyScore, expected.MonetaryScore, expected.RfmSegment), (stored.RecencyScore, stored.FrequencyScore, stored.MonetaryScore, stored.RfmSegment));
            segments.Add(stored.RfmSegment);
        }

        Assert.Contains(null, segments);
        Assert.True(segments.Count >= 8, $"only {segments.Count - 1} named segments in use");
    }

    [Fact]
    public async Task A_refresh_rewrites_and_names_only_the_customers_whose_scores_it_changed()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var now = DateTime.UtcNow;
        await using (var db = database.CreateDbContext())
        {
            for (var i = 0; i < 50; i++)
            {
                db.Profiles.Add(new CustomerProfile
                {
                    CustomerId = $"c-{i:00}",
                    FirstSeen = now.AddDays(-400),
                    LastSeen = now.AddDays(-i),
                    Purchases = i == 0 ? 0 : 1 + (i % 7),
                    LastPurchaseAt = i == 0 ? null : now.AddDays(-i * 3),
                    Monetary = i * 10m,
                    RfmSegment = i == 0 ? "stale" : null,
                });
            }

            await db.SaveChangesAsync();
        }

        var scorer = new RfmScorer(database, new FixedClock(now));
        var first = await scorer.RefreshChangedAsync(CancellationToken.None);
        Assert.Equal(50, first.Changed.Count);

        // Nothing moved: nothing is rewritten.
        Assert.Empty((await scorer.RefreshChangedAsync(CancellationToken.None)).Changed);

        // One buyer buys a lot today: that buyer moves, and the quintile boundaries stay where 50 customers put them.
        await using (var db = database.CreateDbContext())
        {
            var buyer = await db.Profiles.SingleAsync(p => p.CustomerId == "c-49");
            buyer.Purchases = 40;
            buyer.LastPurchaseAt = now;
            await db.SaveChangesAsync();
        }

        var third = await scorer.RefreshChangedAsync(CancellationToken.None);
        Assert.Contains("c-49", third.Changed);
        await using var check = database.CreateDbContext();
        var moved = await check.Profiles.AsNoTracking().SingleAsync(p => p.CustomerId == "c-49");
        Assert.Equal((5, 5), (moved.RecencyScore, moved.FrequencyScore));
        Assert.True(third.Changed.Count < 10, $"{third.Changed.Count} customers rewritten for one purchase");
    }

    [Fact]
    public async Task Boundaries_estimated_from_the_event_log_match_the_refresh_over_the_folded_profiles()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var events = new List<Automation.Engine.Events.IncomingEvent>();
        for (var i = 0; i < 60; i++)
        {
            for (var p = 0; p <= i % 6; p++)
            {
                using var value = System.Text.Json.JsonDocument.Parse((10 + i + p).ToString(System.Globalization.CultureInfo.InvariantCulture));
                events.Add(new Automation.Engine.Events.IncomingEvent($"e-{i}-{p}", $"c-{i:00}", "purchase", now.AddDays(-(i * 5) - p).ToString("O"), value.RootElement.Clone(), null));
            }
        }

        Assert.Equal(events.Count, (await database.Ingestion().IngestAsync(events, CancellationToken.None)).Accepted);
        var scorer = new RfmScorer(database, new FixedClock(now));
        var estimate = await scorer.EstimateFromEventsAsync(CancellationToken.None);
        Assert.Same(estimate, scorer.Current);

        await using (var db = database.CreateDbContext())
        {
            foreach (var group in events.GroupBy(e => e.CustomerId))
            {
                db.Profiles.Add(new CustomerProfile
                {
                    CustomerId = group.Key!,
                    FirstSeen = now.AddDays(-400),
                    LastSeen = now,
                    Purchases = group.Count(),
                    LastPurchaseAt = group.Max(e => DateTime.Parse(e.Timestamp!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime()),
                    Monetary = group.Sum(e => e.Value!.Value.GetDecimal()),
                });
            }

            await db.SaveChangesAsync();
        }

        var refreshed = await scorer.RefreshAsync(CancellationToken.None);
        Assert.Equal(refreshed.Recency.Select(d => Math.Round(d, 6)), estimate.Recency.Select(d => Math.Round(d, 6)));
        Assert.Equal(refreshed.Frequency, estimate.Frequency);
        Assert.Equal(refreshed.Monetary, estimate.Monetary);
    }
}
