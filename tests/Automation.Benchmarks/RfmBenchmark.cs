using System.Diagnostics;
using System.Globalization;
using Automation.Composition.Configuration;
using Automation.Composition.Storage;
using Automation.Engine.Scoring;
using Automation.Host.Configuration;
using Automation.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Full RFM recompute (boundaries + three scores + named segment for every customer) on the embedded default,
/// against a baseline measured in the same run: reading the same three columns and scoring in memory, writing nothing.
/// </summary>
public static class RfmBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = BenchmarkArgs.Int(args, "--customers", 1_000_000);
        var folder = Path.Combine(Path.GetTempPath(), "automation-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var builder = EngineBuilder.CreateWeb();
            builder.Logging.ClearProviders();
            builder.Configuration["Automation:SqlitePath"] = Path.Combine(folder, "automation.db");
            builder.AddAutomationOptions();
            builder.AddStorage();
            builder.Services.AddSingleton<RfmScorer>();
            await using var app = builder.Build();
            await app.MigrateDatabaseAsync();
            var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
            var seeding = Stopwatch.StartNew();
            var buyers = await SeedAsync(databases, customers);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {customers:N0} customers ({buyers:N0} buyers) in {seeding.Elapsed.TotalSeconds:0.0} s"));

            var baseline = await BaselineAsync(databases);
            var scorer = app.Services.GetRequiredService<RfmScorer>();
            var watch = Stopwatch.StartNew();
            await scorer.RefreshAsync(CancellationToken.None);
            var engine = watch.Elapsed.TotalSeconds;

            // The nightly case: the same customers again, nobody moved, so nothing is rewritten.
            watch.Restart();
            var again = await scorer.RefreshChangedAsync(CancellationToken.None);
            var nightly = watch.Elapsed.TotalSeconds;

            await using var db = await databases.CreateDbContextAsync();
            var named = await db.Profiles.CountAsync(p => p.RfmSegment != null);
            if (named != buyers)
            {
                throw new InvalidOperationException($"{named} customers have a named segment, {buyers} bought");
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            var table = new Table().AddColumns("measure", "customers", "seconds", "customers/s", "vs baseline");
            table.AddRow("baseline: read R/F/M columns + score in memory, nothing written", N(customers), S(baseline), N(customers / baseline), "1.00");
            table.AddRow("engine: boundaries + scores + named segment, stored", N(customers), S(engine), N(customers / engine), R(engine / baseline));
            table.AddRow($"again, nobody moved ({N(again.Changed.Count)} rewritten)", N(customers), S(nightly), N(customers / nightly), R(nightly / baseline));
            AnsiConsole.Write(table);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rfm: {customers:N0} customers in {engine:0.00} s (goal < 10 s: {(engine < 10 ? "met" : "NOT met")}); baseline {baseline:0.00} s; ratio {engine / baseline:0.00}; peak working set {peak:0} MiB"));
            return engine < 10 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> SeedAsync(IDbContextFactory<AutomationDbContext> databases, int customers)
    {
        var random = new Random(42);
        var now = DateTime.UtcNow;
        await using var db = await databases.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO profiles ("CustomerId","FirstSeen","LastSeen","LastPurchaseAt","Purchases","Monetary","Refunds","RefundTotal","Unsubscribed",
              "AbandonedCarts","Sessions","TotalEvents","DailyCountsJson","RecencyScore","FrequencyScore","MonetaryScore","UpdatedAt")
            VALUES ($id,$first,$last,$bought,$purchases,$monetary,0,'0',0,0,$purchases,$purchases,'{}',0,0,0,$last)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var first = insert.Parameters.Add("$first", SqliteType.Text);
        var last = insert.Parameters.Add("$last", SqliteType.Text);
        var bought = insert.Parameters.Add("$bought", SqliteType.Text);
        var purchases = insert.Parameters.Add("$purchases", SqliteType.Integer);
        var monetary = insert.Parameters.Add("$monetary", SqliteType.Text);
        insert.Prepare();
        var buyers = 0;
        for (var i = 0; i < customers; i++)
        {
            var seen = now.AddMinutes(-random.Next(365 * 24 * 60));
            var buys = random.Next(10) < 7 ? 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * 40) : 0;
            buyers += buys > 0 ? 1 : 0;
            id.Value = "c-" + i.ToString(CultureInfo.InvariantCulture);
            first.Value = Sql(seen.AddDays(-random.Next(400)));
            last.Value = Sql(seen);
            bought.Value = buys > 0 ? Sql(seen.AddDays(-random.Next(30))) : DBNull.Value;
            purchases.Value = buys;
            monetary.Value = (buys * (decimal)Math.Round(5 + (random.NextDouble() * 200), 2)).ToString(CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return buyers;
    }

    private static async Task<double> BaselineAsync(IDbContextFactory<AutomationDbContext> databases)
    {
        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        await using var db = await databases.CreateDbContextAsync();
        var rows = await db.Profiles.AsNoTracking().Where(p => p.Purchases > 0 && p.LastPurchaseAt != null)
            .Select(p => new { p.LastPurchaseAt, p.Purchases, p.Monetary }).ToListAsync();
        var boundaries = RfmBoundaries.From(rows.Select(b => ((now - b.LastPurchaseAt!.Value).TotalDays, (double)b.Purchases, (double)b.Monetary)).ToList());
        var checksum = 0;
        foreach (var row in rows)
        {
            var r = boundaries.RecencyScore((now - row.LastPurchaseAt!.Value).TotalDays);
            checksum += RfmSegments.Name(r, boundaries.FrequencyScore(row.Purchases))!.Length + boundaries.MonetaryScore((double)row.Monetary);
        }

        GC.KeepAlive(checksum);
        return watch.Elapsed.TotalSeconds;
    }

    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
