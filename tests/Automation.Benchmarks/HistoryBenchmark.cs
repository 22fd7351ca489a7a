using System.Diagnostics;
using System.Globalization;
using Automation.Engine.Events;
using Automation.Engine.Events.Import;
using Automation.Engine.Processing;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Composition.Configuration;
using Automation.Storage;
using Automation.Storage.Scoring;
using Automation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// "Bring your history" on the embedded default: a 1M-row purchase file imported and turned into profiles, RFM,
/// segment memberships and churn scores with reasons, against parsing the same file alone in the same run. The file
/// is the real CDNOW log repeated with shifted customer ids; the churn model is trained on CDNOW itself beforehand.
/// </summary>
public static class HistoryBenchmark
{
    private const string Columns = "customer=customer_id,time=date,value=dollar_value";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Int(args, "--rows", 1_000_000);
        var source = BenchmarkArgs.Text(args, "--source", Path.Combine(RepoPaths.Root, "..", "shared", "data", "cdnow", "CDNOW_master.txt"));
        var folder = Path.Combine(Path.GetTempPath(), "automation-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "history.txt");
            var (copies, sourceRows) = Repeat(source, file, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: {rows:N0} rows = the real CDNOW log ({sourceRows:N0} rows) {copies:0.00} times over, each copy's customer ids prefixed with its number ({new FileInfo(file).Length / (1024.0 * 1024):0.0} MiB)"));
            var options = Options(file);

            var (parsed, end) = ParseOnly(file, options);
            var parse = parsed.Seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse only: {parsed.Events:N0} events in {parse:0.00} s; history ends {end:yyyy-MM-dd}"));

            var model = await TrainOnSourceAsync(Path.Combine(folder, "train.db"), source);
            Console.WriteLine($"churn model trained on CDNOW itself: {model.Metrics.Chosen}, ROC AUC {model.Metrics.Model.Auc:0.000}");

            var chain = await ChainAsync(Path.Combine(folder, "automation.db"), file, options, model, end);
            var total = chain.Import + chain.CatchUp;
            if (chain.Report.EventsStored != parsed.Events || chain.Result.Scored != chain.Result.Profiles || chain.Result.Memberships == 0)
            {
                throw new InvalidOperationException($"{chain.Report.EventsStored} of {parsed.Events} events stored, {chain.Result.Scored} of {chain.Result.Profiles} profiles scored, {chain.Result.Memberships} memberships");
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            var table = new Table().AddColumns("measure", "rows", "seconds", "rows/s", "vs parse only");
            table.AddRow("baseline: parse the file into events, nothing stored", N(rows), S(parse), N(rows / parse), "1.00");
            table.AddRow("import: validate + append to the event log", N(rows), S(chain.Import), N(rows / chain.Import), R(parse / chain.Import));
            table.AddRow("then profiles + scores, RFM, segment memberships", N(rows), S(chain.CatchUp), N(rows / chain.CatchUp), R(parse / chain.CatchUp));
            table.AddRow("whole chain (the ratio: its rate over parsing's)", N(rows), S(total), N(rows / total), R(parse / total));
            AnsiConsole.Write(table);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{chain.Result.Profiles:N0} profiles ({chain.Result.Scored:N0} scored with reasons), {chain.Result.Memberships:N0} segment memberships, RFM recency cut points {string.Join("/", chain.Result.Rfm.Recency.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} days as of {end:yyyy-MM-dd}"));
            var ratio = parse / total; // the chain's rate over the parse-only rate
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal: the whole chain at no less than 1/4 of the parse-only rate: {(ratio >= 0.25 ? "met" : "NOT met")} ({rows / total:N0} vs {rows / parse:N0} rows/s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history: {rows / total:0} rows/s; ratio {ratio:0.000}; peak working set {peak:0} MiB"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (args.Contains("--keep"))
            {
                Console.WriteLine($"kept: {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The source file's rows again and again until <paramref name="rows"/> are written, copy k's ids prefixed "k-".</summary>
    private static (double Copies, int SourceRows) Repeat(string source, string target, int rows)
    {
        var lines = File.ReadAllLines(source);
        var data = lines.Skip(1).Where(l => l.Trim().Length > 0).ToArray();
        using var writer = new StreamWriter(target);
        writer.WriteLine(lines[0]);
        for (var i = 0; i < rows; i++)
        {
            var line = data[i % data.Length].TrimStart();
            writer.Write((i / data.Length).ToString(CultureInfo.InvariantCulture));
            writer.Write('-');
            writer.WriteLine(line);
        }

        return (rows / (double)data.Length, data.Length);
    }

    private static ImportOptions Options(string file)
    {
        using var sample = new StreamReader(file);
        return ImportSample.Settle(sample, ImportFormat.Columns, new ImportOptions(Columns: ColumnMapping.Parse(Columns).Mapping), detectDates: true);
    }

    private static ((long Events, double Seconds), DateTime End) ParseOnly(string file, ImportOptions options)
    {
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(file);
        var report = new ImportReport();
        long events = 0;
        var end = "";
        foreach (var imported in ColumnRows.Read(new CsvRecordReader(reader, options.Delimiter), options, report))
        {
            events++;
            end = string.CompareOrdinal(imported.Event.Timestamp, end) > 0 ? imported.Event.Timestamp! : end; // one ISO 8601 layout: text order is time order
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return ((events, seconds), DateTimeOffset.Parse(end, CultureInfo.InvariantCulture).UtcDateTime);
    }

    private static async Task<TrainedModel> TrainOnSourceAsync(string sqlite, string source)
    {
        await using var app = await StartAsync(sqlite, TimeProvider.System);
        using var reader = new StreamReader(source);
        await new EventImporter(app.Services.GetRequiredService<EventIngestion>()).ImportAsync(reader, ImportFormat.Columns, Options(source), null, CancellationToken.None);
        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        var set = await app.Services.GetRequiredService<TrainingSetBuilder>().BuildAsync(databases, ScoreTargets.ChurnRisk, 90, CancellationToken.None);
        return ModelTrainer.Train(set);
    }

    private static async Task<(ImportReport Report, HistoryCatchUpResult Result, double Import, double CatchUp)> ChainAsync(
        string sqlite, string file, ImportOptions options, TrainedModel model, DateTime end)
    {
        await using var app = await StartAsync(sqlite, new AsOfClock(end));
        await app.Services.GetRequiredService<ScoreModelStore>().SaveAsync(model, activate: true, CancellationToken.None);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(file);
        var report = await new EventImporter(app.Services.GetRequiredService<EventIngestion>()).ImportAsync(reader, ImportFormat.Columns, options, null, CancellationToken.None);
        var import = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {report.EventsStored:N0} events stored, {report.SkippedRows:N0} rows skipped, {report.Customers:N0} customers in {import:0.00} s ({CpuSince(ref cpu):0.0} s of CPU)"));

        watch.Restart();
        var catchUp = ActivatorUtilities.CreateInstance<HistoryCatchUp>(app.Services);
        var stages = new StageClock();
        var result = await catchUp.RunAsync(stages, CancellationToken.None);
        var catchUpSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catch-up stages: {stages.Describe(catchUpSeconds)} ({CpuSince(ref cpu):0.0} s of CPU)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalSeconds:0.00} s paused, {GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024):0.0} GiB allocated; process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s"));
        foreach (var (stage, elapsed, items) in app.Services.GetRequiredService<ProcessingTimings>().Snapshot())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  processing {stage,-22} {elapsed.TotalSeconds,8:0.00} s {(items > 0 ? $"{items,10:N0} rows, {elapsed.TotalMicroseconds / items:0.0} µs each" : "")}"));
        }

        return (report, result, import, catchUpSeconds);
    }

    private static async Task<WebApplication> StartAsync(string sqlite, TimeProvider clock)
    {
        var builder = EngineBuilder.CreateWeb();
        builder.Logging.ClearProviders();
        builder.Configuration["Automation:SqlitePath"] = sqlite;
        return await BenchmarkEngine.StartAsync(builder, clock);
    }

    /// <summary>When each catch-up stage first reported, so each stage's share of the time can be printed.</summary>
    private sealed class StageClock : IProgress<(string Stage, long Done, long Total)>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private readonly List<(string Stage, double Started)> started = [];

        public void Report((string Stage, long Done, long Total) value)
        {
            lock (started)
            {
                if (started.Count == 0 || started[^1].Stage != value.Stage)
                {
                    started.Add((value.Stage, watch.Elapsed.TotalSeconds));
                }
            }
        }

        public string Describe(double end) => string.Join(", ", started.Select((s, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {(i + 1 < started.Count ? started[i + 1].Started : end) - s.Started:0.0} s")));
    }

    /// <summary>Process CPU seconds since <paramref name="since"/>, which moves to now: on a shared machine CPU is steadier than wall time.</summary>
    private static double CpuSince(ref TimeSpan since)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = (now - since).TotalSeconds;
        since = now;
        return seconds;
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
