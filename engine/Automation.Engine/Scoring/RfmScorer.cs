using Automation.Storage;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring;

/// <summary>
/// The RFM batch job: quintile boundaries over everyone who bought, then 1–5 scores and a segment name for every
/// profile (0 and "Prospect" for those who never bought). Also snapshots segment sizes for the size-over-time chart.
/// Only score columns are written, so it runs safely beside event processing.
/// </summary>
public sealed class RfmScorer(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock)
{
    private const int Chunk = 2000;

    public async Task<RfmBoundaries> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var buyers = await db.Profiles.AsNoTracking().Where(p => p.Purchases > 0 && p.LastPurchaseAt != null)
            .Select(p => new { p.LastPurchaseAt, p.Purchases, p.Monetary }).ToListAsync(cancellationToken);
        var boundaries = RfmBoundaries.From(buyers.Select(b => ((now - b.LastPurchaseAt!.Value).TotalDays, (double)b.Purchases, (double)b.Monetary)).ToList());

        string? after = null;
        while (true)
        {
            db.ChangeTracker.Clear();
            var page = await db.Profiles.Where(p => after == null || string.Compare(p.CustomerId, after) > 0)
                .OrderBy(p => p.CustomerId).Take(Chunk).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var p in page)
            {
                var bought = p.Purchases > 0 && p.LastPurchaseAt is not null;
                p.RecencyScore = bought ? boundaries.RecencyScore((now - p.LastPurchaseAt!.Value).TotalDays) : 0;
                p.FrequencyScore = bought ? boundaries.FrequencyScore(p.Purchases) : 0;
                p.MonetaryScore = bought ? boundaries.MonetaryScore((double)p.Monetary) : 0;
                p.RfmSegment = RfmSegments.Name(p.RecencyScore, p.FrequencyScore, p.MonetaryScore);
            }

            await db.SaveChangesAsync(cancellationToken);
            after = page[^1].CustomerId;
        }

        await SnapshotSegmentSizesAsync(db, now.Date, cancellationToken);
        return boundaries;
    }

    private static async Task SnapshotSegmentSizesAsync(AutomationDbContext db, DateTime day, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var sizes = await db.SegmentMemberships.AsNoTracking().GroupBy(m => m.SegmentKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var keys = await db.Segments.AsNoTracking().Select(s => s.Key).ToListAsync(cancellationToken);
        var today = await db.SegmentSizeSnapshots.Where(s => s.Day == day).ToDictionaryAsync(s => s.SegmentKey, cancellationToken);
        foreach (var key in keys)
        {
            if (!today.TryGetValue(key, out var snapshot))
            {
                db.SegmentSizeSnapshots.Add(snapshot = new SegmentSizeSnapshot { SegmentKey = key, Day = day });
            }

            snapshot.Size = sizes.GetValueOrDefault(key);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
