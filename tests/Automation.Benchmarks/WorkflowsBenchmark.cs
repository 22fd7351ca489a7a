using System.Diagnostics;
using System.Globalization;
using Automation.Composition.Configuration;
using Automation.Composition.Storage;
using Automation.Engine.Events;
using Automation.Engine.Processing;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Host;
using Automation.Host.Configuration;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Many customers waiting in a workflow (waitForEvent with a 7-day timeout): store size, memory, and how long it takes
/// from an awaited event's arrival to its instance finishing (ingest + processing, one event at a time). The baseline,
/// in the same run and store, is the same resumes with only the sampled customers waiting.
/// </summary>
public static class WorkflowsBenchmark
{
    private const string WorkflowId = "bench-wait";

    private const string Definition = """
        { "id": "bench-wait", "name": "Bench: wait a week for a reply", "trigger": { "type": "event", "event": "bench_start" }, "reentry": { "policy": "always" },
          "activities": [ { "id": "wait", "type": "waitForEvent", "event": "bench_reply", "timeout": "P7D" }, { "id": "done", "type": "end" } ],
          "connections": [ { "from": "wait", "port": "event", "to": "done" }, { "from": "wait", "port": "timeout", "to": "done" } ] }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var waiting = BenchmarkArgs.Int(args, "--waiting", 1_000_000);
        var samples = BenchmarkArgs.Int(args, "--samples", 500);
        var stores = new List<string> { "sqlite" };
        if (Environment.GetEnvironmentVariable("AUTOMATION_TEST_POSTGRES") is { Length: > 0 })
        {
            stores.Add("postgres");
        }

        var table = new Table().AddColumns("store", "waiting", "store size", "working set", "peak working set", "resume p50", "resume p99", "p99 vs baseline");
        foreach (var store in stores)
        {
            await MeasureAsync(store, waiting, samples, table);
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task MeasureAsync(string store, int waiting, int samples, Table table)
    {
        var folder = Path.Combine(Path.GetTempPath(), "automation-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string? database = null;
        var builder = EngineBuilder.CreateWeb();
        builder.Logging.ClearProviders();
        if (store == "postgres")
        {
            database = "automation_bench_" + Guid.NewGuid().ToString("N")[..10];
            var admin = Environment.GetEnvironmentVariable("AUTOMATION_TEST_POSTGRES")!;
            await Execute(admin, $"CREATE DATABASE {database}");
            builder.Configuration["Automation:Database"] = "Postgres";
            builder.Configuration["Automation:PostgresConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        }
        else
        {
            builder.Configuration["Automation:SqlitePath"] = Path.Combine(folder, "automation.db");
        }

        try
        {
            await using var app = await BenchmarkEngine.StartAsync(builder);
            var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();

            var workflows = app.Services.GetRequiredService<WorkflowService>();
            await workflows.SaveDraftAsync(WorkflowJson.Parse(Definition), "bench", mustBeNew: true, CancellationToken.None);
            await workflows.PublishAsync(WorkflowId, "bench", CancellationToken.None);
            var now = DateTime.UtcNow;

            // Warm-up (JIT, connection pool, caches), not timed; then the baseline: only the sampled customers wait.
            await LoadAsync(databases, "warm-", 100, now);
            await ResumeAsync(app.Services, "warm-", 100);
            await LoadAsync(databases, "base-", samples, now);
            var baseline = await ResumeAsync(app.Services, "base-", samples);
            var baselineSet = Environment.WorkingSet;
            table.AddRow(store, N(samples), Size(await StoreSizeAsync(databases, folder)), Mb(baselineSet), Mb(Process.GetCurrentProcess().PeakWorkingSet64), Ms(baseline.P50), Ms(baseline.P99), "1.00");

            var load = Stopwatch.StartNew();
            await LoadAsync(databases, "w-", waiting, now);
            await LoadAsync(databases, "late-", samples, now);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: {waiting + samples:N0} waiting instances loaded in {load.Elapsed.TotalSeconds:0.0} s"));
            GC.Collect();
            var scaled = await ResumeAsync(app.Services, "late-", samples);
            var set = Environment.WorkingSet;
            await using (var db = await databases.CreateDbContextAsync())
            {
                var completed = await db.WorkflowInstances.CountAsync(i => i.Status == WorkflowInstanceStatus.Completed);
                if (completed != 2 * samples + 100)
                {
                    throw new InvalidOperationException($"{completed} instances completed; expected {2 * samples + 100}");
                }
            }

            var size = await StoreSizeAsync(databases, folder);
            table.AddRow(store, N(waiting + samples), Size(size), Mb(set), Mb(Process.GetCurrentProcess().PeakWorkingSet64), Ms(scaled.P50), Ms(scaled.P99), R(scaled.P99 / baseline.P99));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"workflows[{store}]: {waiting + samples} waiting, store {size / 1048576.0:0.0} MiB, working set {set / 1048576.0:0} MiB (baseline {baselineSet / 1048576.0:0} MiB), resume p50 {scaled.P50:0.0} ms p99 {scaled.P99:0.0} ms (baseline p50 {baseline.P50:0.0} ms p99 {baseline.P99:0.0} ms), p99 ratio {scaled.P99 / baseline.P99:0.00}"));
        }
        finally
        {
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await Execute(Environment.GetEnvironmentVariable("AUTOMATION_TEST_POSTGRES")!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task LoadAsync(IDbContextFactory<AutomationDbContext> databases, string prefix, int count, DateTime now)
    {
        await using var db = await databases.CreateDbContextAsync();
        await WaitingInstancesLoader.LoadAsync(db, WorkflowId, prefix, count, "wait", "bench_reply", now);
    }

    /// <summary>Each awaited event on its own: accepted (durable), processed, its instance resumed to the end.</summary>
    private static async Task<(double P50, double P99)> ResumeAsync(IServiceProvider services, string prefix, int count)
    {
        var ingestion = services.GetRequiredService<EventIngestion>();
        var processor = services.GetRequiredService<EventProcessor>();
        var timings = new List<double>(count);
        var ingestTimings = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var e = new IncomingEvent($"{prefix}reply-{i}", prefix + i.ToString(CultureInfo.InvariantCulture), "bench_reply", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), null, null);
            var watch = Stopwatch.StartNew();
            await ingestion.IngestAsync([e], CancellationToken.None);
            ingestTimings.Add(watch.Elapsed.TotalMilliseconds);
            while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
            {
            }

            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        // Where the time goes: the durable append (ingest) apart from processing and resuming.
        var processing = timings.Zip(ingestTimings, (total, ingest) => total - ingest).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {prefix}: ingest p50 {Percentile(ingestTimings, 0.50):0.0} ms p99 {Percentile(ingestTimings, 0.99):0.0} ms; process+resume p50 {Percentile(processing, 0.50):0.0} ms p99 {Percentile(processing, 0.99):0.0} ms"));
        return (Percentile(timings, 0.50), Percentile(timings, 0.99));
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * quantile))];
    }

    private static async Task<long> StoreSizeAsync(IDbContextFactory<AutomationDbContext> databases, string folder)
    {
        await using var db = await databases.CreateDbContextAsync();
        if (db.IsPostgres)
        {
            return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        return Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }


    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
