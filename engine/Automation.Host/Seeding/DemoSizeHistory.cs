using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Seeding;

/// <summary>
/// The size history of a freshly seeded demo, whose events reach months back while the engine (and its daily size
/// snapshot) starts today. The history is replayed, not invented: the seeded events up to the end of each past day
/// are folded through the engine's own profile updater, features, RFM scoring (quintiles over that day's buyers),
/// active models and segment evaluator, memberships carried from day to day so hysteresis and TTLs hold as they do
/// live. Each day's size is what a sweep at that day's end would have counted had the engine run then; today's point
/// is the live size (the history endpoint reads it), so the chart ends where the segment list stands. Only past
/// days without a snapshot are written: nothing measured is ever overwritten.
/// </summary>
public sealed class DemoSizeHistory(
    IDbContextFactory<AutomationDbContext> databases,
    ProfileUpdater updater,
    FeatureCalculator calculator,
    SegmentCatalog catalog,
    ActiveScoreModels models)
{
    /// <summary>Days in the chart, today included (the dashboard's events-per-day chart spans the same).</summary>
    public const int Days = 90;

    /// <summary>Writes the replayed sizes of the days before today; returns how many snapshots were added.</summary>
    public async Task<int> WriteAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence).ToListAsync(cancellationToken);
        catalog.Invalidate();
        var segments = await catalog.CurrentAsync(cancellationToken);
        var round = new ScoringRound(await models.CurrentAsync(db, cancellationToken), []);
        var today = DateTime.SpecifyKind(nowUtc.Date, DateTimeKind.Utc);
        var first = today.AddDays(1 - Days);
        var measured = (await db.SegmentSizeSnapshots.AsNoTracking().Where(s => s.Day >= first && s.Day < today).Select(s => new { s.SegmentKey, s.Day }).ToListAsync(cancellationToken))
            .Select(s => (s.SegmentKey, s.Day.Date)).ToHashSet();

        var customers = new Dictionary<string, ReplayedCustomer>(StringComparer.Ordinal);
        var next = 0;
        var added = 0;
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var endOfDay = day.AddDays(1).AddTicks(-1);
            for (; next < events.Count && events[next].Timestamp <= endOfDay; next++)
            {
                Fold(customers, events[next]);
            }

            var sizes = SizesAt(endOfDay, customers.Values, segments, round);
            foreach (var segment in segments.Where(s => !measured.Contains((s.Key, day))))
            {
                db.SegmentSizeSnapshots.Add(new SegmentSizeSnapshot { SegmentKey = segment.Key, Day = day, Size = sizes.GetValueOrDefault(segment.Key) });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private void Fold(Dictionary<string, ReplayedCustomer> customers, StoredEvent e)
    {
        if (!customers.TryGetValue(e.CustomerId, out var customer))
        {
            customers[e.CustomerId] = customer = new ReplayedCustomer(ProfileUpdater.NewProfile(e.CustomerId, e.Timestamp));
        }

        updater.Apply(customer.Profile, customer.State, e);
    }

    /// <summary>Every segment's size at a moment, over the customers seen by then, scored and evaluated as live processing does.</summary>
    private Dictionary<string, int> SizesAt(DateTime moment, IReadOnlyCollection<ReplayedCustomer> customers, IReadOnlyList<CompiledSegment> segments, ScoringRound round)
    {
        foreach (var customer in customers)
        {
            customer.State.Settle(customer.Profile, moment, updater.CartWindow);
        }

        var boundaries = RfmBoundaries.From([.. customers.Select(c => c.Profile).Where(p => p.Purchases > 0 && p.LastPurchaseAt is not null)
            .Select(p => ((moment - p.LastPurchaseAt!.Value).TotalDays, (double)p.Purchases, (double)p.Monetary))]);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            var profile = customer.Profile;
            var features = calculator.Features(profile, customer.State.Counts, moment, customer.State.Carts);
            RfmScorer.Score(profile, boundaries, moment);
            round.Apply(profile, features, moment);
            SegmentEvaluator.Evaluate(segments, features, FeatureCalculator.Scores(profile), customer.Memberships, moment);
            foreach (var key in customer.Memberships.Keys)
            {
                sizes[key] = sizes.GetValueOrDefault(key) + 1;
            }
        }

        return sizes;
    }

    private sealed class ReplayedCustomer(CustomerProfile profile)
    {
        public CustomerProfile Profile { get; } = profile;

        public ProfileState State { get; } = ProfileState.Empty();

        public Dictionary<string, SegmentMembership> Memberships { get; } = new(StringComparer.Ordinal);
    }
}
