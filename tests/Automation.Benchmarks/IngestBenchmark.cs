using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Automation.Composition.Configuration;
using Automation.Composition.Storage;
using Automation.Engine.Events;
using Automation.Engine.Processing;
using Automation.Engine.Segments;
using Automation.Host;
using Automation.Host.Configuration;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Testing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Events/s through validation + durable append + profile update (with segment evaluation) on the embedded default,
/// against a baseline of the same events appended as JSON lines to a plain file and flushed to disk per batch.
/// </summary>
public static partial class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchmarkArgs.Int(args, "--events", 100_000);
        var customers = BenchmarkArgs.Int(args, "--customers", 5_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 5_000);
        var folder = Path.Combine(Path.GetTempPath(), "automation-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var data = Generate(events, customers);
            var baseline = await PlainFileAsync(data, batch, Path.Combine(folder, "events.jsonl"));

            // After the baseline: what the engine allocates, not what the plain file's serializer did.
            using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
            var (append, total) = await EngineAsync(data, batch, Path.Combine(folder, "automation.db"), !args.Contains("--concurrent"));
            var clients = BenchmarkArgs.Int(args, "--clients", 1);
            var workflows = BenchmarkArgs.Text(args, "--workflows", "both");
            if (workflows is not ("both" or "none" or "shipped"))
            {
                throw new ArgumentException($"--workflows {workflows}: expected none, shipped or both");
            }

            var emptyWorkflows = Path.Combine(folder, "no-workflows");
            Directory.CreateDirectory(emptyWorkflows);

            // The embedded figure publishes no workflow: the host measured with none does the same work per event; with
            // the shipped ones it also starts and moves their instances (the cart-recovery workflow starts on add_to_cart).
            List<(string Name, string Folder)> variants = [];
            if (workflows is "both" or "none")
            {
                variants.Add(("no workflow published", emptyWorkflows));
            }

            if (workflows is "both" or "shipped")
            {
                variants.Add(("shipped workflows published", RepoPaths.Workflows));
            }

            List<(string Name, double Accepted, double Processed)> overHttp = [];
            foreach (var (name, workflowsFolder) in args.Contains("--no-http") ? [] : variants)
            {
                var (accepted, processed) = await HttpAsync(data, batch, clients, workflowsFolder);
                overHttp.Add((name, accepted, processed));
            }

            var table = new Table().AddColumns("measure", "events", "seconds", "events/s", "vs baseline");
            table.AddRow("baseline: JSON lines to a plain file, fsync per batch", N(events), S(baseline), N(events / baseline), "1.00");
            table.AddRow("engine: validate + durable append (202 point)", N(events), S(append), N(events / append), R(baseline / append));
            table.AddRow("engine: + profile update + segment evaluation", N(events), S(total), N(events / total), R(baseline / total));
            foreach (var (name, accepted, processed) in overHttp)
            {
                table.AddRow($"HTTP on loopback to the host process, {name}, {clients} client(s): all 202s", N(events), S(accepted), N(events / accepted), R(baseline / accepted));
                table.AddRow($"HTTP, {name}: + processed (metrics show none left)", N(events), S(processed), N(events / processed), R(baseline / processed));
            }

            AnsiConsole.Write(table);
            foreach (var (type, mib) in sampler?.Top(40) ?? [])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated {mib,9:0.0} MiB {type}"));
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {events / total:0} events/s end to end ({events / append:0} events/s to durable append); baseline plain file {events / baseline:0} events/s; ratio {baseline / total:0.000}; peak working set {peak:0} MiB"));
            foreach (var (name, accepted, processed) in overHttp)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest over HTTP ({clients} client(s)), {name}: {events / accepted:0} events/s accepted (202), {events / processed:0} events/s processed; ratio to baseline {baseline / processed:0.000}"));
            }

            return 0;
        }
        finally
        {
            if (args.Contains("--keep"))
            {
                Console.WriteLine("kept " + folder);
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<double> PlainFileAsync(List<IncomingEvent?> data, int batch, string path)
    {
        var watch = Stopwatch.StartNew();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var chunk in data.Chunk(batch))
        {
            var text = new StringBuilder();
            foreach (var e in chunk)
            {
                text.AppendLine(JsonSerializer.Serialize(e));
            }

            await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
            file.Flush(flushToDisk: true);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double Append, double Total)> EngineAsync(List<IncomingEvent?> data, int batch, string sqlite, bool sequential)
    {
        var builder = EngineBuilder.CreateWeb();
        builder.Logging.ClearProviders();
        builder.Configuration["Automation:SqlitePath"] = sqlite;
        if (ProcessBatch() is { } size)
        {
            builder.Configuration["Automation:Processing:BatchSize"] = size;
        }

        if (BacklogBatch() is { } backlog)
        {
            builder.Configuration["Automation:Processing:BacklogBatchSize"] = backlog;
        }

        await using var app = await BenchmarkEngine.StartAsync(builder);
        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();

        var ingestion = app.Services.GetRequiredService<EventIngestion>();
        var processor = app.Services.GetRequiredService<EventProcessor>();
        var watch = Stopwatch.StartNew();

        // Everything is appended first and processed afterwards; --concurrent drains the log while batches are
        // appended, as the host's EventProcessingService does (both then compete for the one SQLite writer).
        var appended = false;
        var processing = sequential ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!Volatile.Read(ref appended))
            {
                if (await processor.ProcessBatchAsync(CancellationToken.None) == 0)
                {
                    await Task.Delay(5);
                }
            }
        });
        foreach (var chunk in data.Chunk(batch))
        {
            var result = await ingestion.IngestAsync(chunk, CancellationToken.None);
            if (result.Rejected)
            {
                throw new InvalidOperationException("benchmark data was refused: " + result.Errors[0].Reason);
            }
        }

        var append = watch.Elapsed.TotalSeconds;
        Volatile.Write(ref appended, true);
        await processing;
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }

        var total = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalSeconds:0.00} s paused, {GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024):0.0} GiB allocated; process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s"));
        foreach (var (stage, elapsed, items) in app.Services.GetRequiredService<ProcessingTimings>().Snapshot())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  processing {stage,-22} {elapsed.TotalSeconds,8:0.00} s {(items > 0 ? $"{items,10:N0} rows, {elapsed.TotalMicroseconds / items:0.0} µs each" : "")}"));
        }

        await using (var db = await databases.CreateDbContextAsync())
        {
            var left = await EventCustomerRows.UnprocessedAsync(db, CancellationToken.None);
            if (left != 0)
            {
                throw new InvalidOperationException($"{left} events were not processed");
            }
        }

        return (append, total);
    }

    private static List<IncomingEvent?> Generate(int count, int customers)
    {
        var random = new Random(42);
        string[] types = ["page_view", "product_view", "pricing_view", "add_to_cart", "email_open", "email_click", "purchase", "ad_click"];
        var start = DateTime.UtcNow.AddDays(-30);

        // One JSON element per distinct value, shared by the events that carry it: a document per event would keep
        // a million small documents alive, and collecting them would be counted against the engine.
        var values = Enumerable.Range(0, 500).Select(v => JsonSerializer.SerializeToElement(v)).ToArray();
        var paths = Enumerable.Range(0, 100).Select(p => JsonSerializer.SerializeToElement(new { path = "/p/" + p })).ToArray();
        var list = new List<IncomingEvent?>(count);
        for (var i = 0; i < count; i++)
        {
            var type = types[random.Next(types.Length)];
            list.Add(new IncomingEvent(
                $"b-{i}",
                $"c-{random.Next(customers)}",
                type,
                start.AddSeconds(random.Next(30 * 86_400)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                type == "purchase" ? values[random.Next(10, 500)] : null,
                paths[random.Next(100)]));
        }

        return list;
    }


    /// <summary>The processor's batch size when --process-batch overrides the engine's default.</summary>
    private static string? ProcessBatch() => Environment.GetCommandLineArgs().Contains("--process-batch")
        ? BenchmarkArgs.Int(Environment.GetCommandLineArgs(), "--process-batch", 0).ToString(CultureInfo.InvariantCulture)
        : null;

    /// <summary>The processor's largest batch under a backlog when --backlog-batch overrides the engine's default.</summary>
    private static string? BacklogBatch() => Environment.GetCommandLineArgs().Contains("--backlog-batch")
        ? BenchmarkArgs.Int(Environment.GetCommandLineArgs(), "--backlog-batch", 0).ToString(CultureInfo.InvariantCulture)
        : null;

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
