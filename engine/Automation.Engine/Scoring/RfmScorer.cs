using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Engine.Scoring;

/// <summary>
/// The RFM batch job: quintile boundaries over everyone who bought, then 1–5 scores and a named segment for every
/// profile (0 and no segment for those who never bought), written set-based — two UPDATE statements, no row
/// tracking, and only rows that change — so a million customers take seconds. Keeps the boundaries so event processing scores each profile it
/// updates. Also snapshots segment sizes for the size-over-time chart. In the engine it runs between event batches
/// under the profile write gate, after the processor's write-behind profiles are flushed.
/// </summary>
public sealed class RfmScorer(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, ProfileWriteGate? gate = null, ProfileStore? store = null)
{
    /// <summary>The boundaries of the last refresh; null until the first one ran in this process.</summary>
    public RfmBoundaries? Current { get; private set; }

    public async Task<RfmBoundaries> RefreshAsync(CancellationToken cancellationToken) => (await RefreshAsync(returning: false, cancellationToken)).Boundaries;

    /// <summary>
    /// The refresh, returning the customers whose scores or RFM segment it changed: only those rows are written, and
    /// only those can move between segments because of it (a history's catch-up re-evaluates just them).
    /// </summary>
    public Task<(RfmBoundaries Boundaries, IReadOnlyList<string> Changed)> RefreshChangedAsync(CancellationToken cancellationToken) =>
        RefreshAsync(returning: true, cancellationToken);

    private async Task<(RfmBoundaries Boundaries, IReadOnlyList<string> Changed)> RefreshAsync(bool returning, CancellationToken cancellationToken)
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
        var changed = new List<string>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await ChangedIdsAsync(db, RfmScoreSql.Scores(db.Sql, returning), Parameters(boundaries, now), changed, cancellationToken);
            await ChangedIdsAsync(db, RfmScoreSql.NonBuyers(returning), [], changed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        store?.ForgetUnchanged();
        Current = boundaries;
        await SnapshotSegmentSizesAsync(db, now.Date, cancellationToken);
        return (boundaries, changed);
    }

    /// <summary>
    /// Boundaries worked out from the purchases in the event log (last purchase, count and sum per customer id), made
    /// current before a history is folded: its profiles are then scored and segmented with RFM as they are folded,
    /// instead of every buyer moving at the refresh after it. The refresh still decides; this only comes close (events
    /// of linked identities count here under each id).
    /// </summary>
    public async Task<RfmBoundaries> EstimateFromEventsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sql = db.Sql;
        var query = $"""SELECT {sql.DaysBetween("@now", "MAX(\"Timestamp\")")}, COUNT(*), COALESCE(SUM({sql.AsDouble("\"Value\"")}), 0) FROM events WHERE "Type" = '{EventTypes.Purchase}' GROUP BY "CustomerId" """;
        Current = RfmBoundaries.From(await ReadBuyersAsync(db, query, now, cancellationToken));
        return Current;
    }

    /// <summary>Days since the last purchase, purchases and money spent of every buyer, read as plain numbers.</summary>
    private static Task<List<(double, double, double)>> BuyersAsync(AutomationDbContext db, DateTime now, CancellationToken cancellationToken) =>
        ReadBuyersAsync(db, $"""SELECT {db.Sql.DaysBetween("@now", "\"LastPurchaseAt\"")}, "Purchases", {db.Sql.AsDouble("\"Monetary\"")} FROM profiles WHERE "Purchases" > 0 AND "LastPurchaseAt" IS NOT NULL""", now, cancellationToken);

    private static async Task<List<(double, double, double)>> ReadBuyersAsync(AutomationDbContext db, string sql, DateTime now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 300;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@now";
        parameter.Value = db.Sql.Date(now);
        command.Parameters.Add(parameter);
        var buyers = new List<(double, double, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buyers.Add((Number(reader.GetValue(0)), Number(reader.GetValue(1)), Number(reader.GetValue(2))));
        }

        return buyers;
    }

    private static double Number(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs an UPDATE (… RETURNING "CustomerId") in the open transaction, adding the ids it returns.</summary>
    private static async Task ChangedIdsAsync(AutomationDbContext db, string sql, object[] parameters, List<string> changed, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 300;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = parameters[i] is DateTime at ? db.Sql.Date(at) : parameters[i];
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(reader.GetString(0));
        }
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
