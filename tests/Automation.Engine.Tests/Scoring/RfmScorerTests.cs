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
}
