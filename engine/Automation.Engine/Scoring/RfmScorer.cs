using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring;

/// <summary>
/// The RFM batch job: quintile boundaries over everyone who bought, then 1–5 scores and a named segment for every
/// profile (0 and no segment for those who never bought), written set-based — two UPDATE statements, no row
/// tracking — so a million customers take seconds. Keeps the boundaries so event processing scores each profile it
/// updates. Also snapshots segment sizes for the size-over-time chart. In the engine it runs between event batches
/// under the profile write gate, after the processor's write-behind profiles are flushed.
/// </summary>
public sealed class RfmScorer(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, ProfileWriteGate? gate = null, ProfileStore? store = null)
{
    /// <summary>The boundaries of the last refresh; null until the first one ran in this process.</summary>
    public RfmBoundaries? Current { get; private set; }

    public async Task<RfmBoundaries> RefreshAsync(CancellationToken cancellationToken)
    {
        // In the engine process the scores are written between event batches, over profiles the processor has flushed.
        using var writing = gate is null ? null : await gate.EnterAsync(cancellationToken);
        if (store is not null)
        {
            await store.FlushAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var boundaries = RfmBoundaries.From(await BuyersAsync(db, now, cancellationToken));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(ScoreSql(db.Sql), Parameters(boundaries, now), cancellationToken);
            await db.Profiles.Where(p => !(p.Purchases > 0 && p.LastPurchaseAt != null) && (p.RecencyScore != 0 || p.RfmSegment != null)).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.RecencyScore, 0).SetProperty(p => p.FrequencyScore, 0).SetProperty(p => p.MonetaryScore, 0).SetProperty(p => p.RfmSegment, (string?)null),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        store?.ForgetUnchanged();
        Current = boundaries;
        await SnapshotSegmentSizesAsync(db, now.Date, cancellationToken);
        return boundaries;
    }

    /// <summary>Days since the last purchase, purchases and money spent of every buyer, read as plain numbers.</summary>
    private static async Task<List<(double, double, double)>> BuyersAsync(AutomationDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 300;
        command.CommandText = $"""SELECT {db.Sql.DaysBetween("@now", "\"LastPurchaseAt\"")}, "Purchases", {db.Sql.AsDouble("\"Monetary\"")} FROM profiles WHERE "Purchases" > 0 AND "LastPurchaseAt" IS NOT NULL""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@now";
        parameter.Value = db.Sql.Date(now);
        command.Parameters.Add(parameter);
        var buyers = new List<(double, double, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buyers.Add((Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt32(1), reader.GetDouble(2)));
        }

        return buyers;
    }

    /// <summary>
    /// One UPDATE writes the three scores and the named segment; the segment CASE is generated from RfmSegments.Name
    /// over every (R, F) pair, so SQL and code never disagree. Recency cut points are moments (newest first).
    /// </summary>
    private static string ScoreSql(SqlDialect sql)
    {
        var money = sql.AsDouble("\"Monetary\"");
        var r = "(CASE WHEN \"LastPurchaseAt\" >= {0} THEN 5 WHEN \"LastPurchaseAt\" >= {1} THEN 4 WHEN \"LastPurchaseAt\" >= {2} THEN 3 WHEN \"LastPurchaseAt\" >= {3} THEN 2 ELSE 1 END)";
        var f = "(CASE WHEN \"Purchases\" > {7} THEN 5 WHEN \"Purchases\" > {6} THEN 4 WHEN \"Purchases\" > {5} THEN 3 WHEN \"Purchases\" > {4} THEN 2 ELSE 1 END)";
        var m = $"(CASE WHEN {money} > {{11}} THEN 5 WHEN {money} > {{10}} THEN 4 WHEN {money} > {{9}} THEN 3 WHEN {money} > {{8}} THEN 2 ELSE 1 END)";
        var names = string.Join(" ", from recency in Enumerable.Range(1, 5)
                                     from frequency in Enumerable.Range(1, 5)
                                     select $"WHEN {(recency * 10) + frequency} THEN '{RfmSegments.Name(recency, frequency)!.Replace("'", "''", StringComparison.Ordinal)}'");
        return $"""
            UPDATE profiles SET "RecencyScore" = {r}, "FrequencyScore" = {f}, "MonetaryScore" = {m},
              "RfmSegment" = CASE ({r} * 10 + {f}) {names} END
            WHERE "Purchases" > 0 AND "LastPurchaseAt" IS NOT NULL
            """;
    }

    private static object[] Parameters(RfmBoundaries b, DateTime now) =>
    [
        .. b.Recency.Select(c => (object)now.AddDays(-c)),
        .. b.Frequency.Select(c => (object)(long)Math.Floor(c)),
        .. b.Monetary.Select(c => (object)c),
    ];

    /// <summary>Scores one profile with the last boundaries, as it is updated between refreshes.</summary>
    public void Score(CustomerProfile profile, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Current is { } boundaries)
        {
            Score(profile, boundaries, nowUtc);
        }
    }

    /// <summary>Scores one profile with the given boundaries: a replay of history brings those of its own day.</summary>
    public static void Score(CustomerProfile profile, RfmBoundaries b, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(b);
        var bought = profile.Purchases > 0 && profile.LastPurchaseAt is not null;
        profile.RecencyScore = bought ? b.RecencyScore((nowUtc - profile.LastPurchaseAt!.Value).TotalDays) : 0;
        profile.FrequencyScore = bought ? b.FrequencyScore(profile.Purchases) : 0;
        profile.MonetaryScore = bought ? b.MonetaryScore((double)profile.Monetary) : 0;
        profile.RfmSegment = RfmSegments.Name(profile.RecencyScore, profile.FrequencyScore);
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
