using System.Diagnostics;
using System.Globalization;
using Automation.Composition.Configuration;
using Automation.Composition.Plugins;
using Automation.Engine.Events;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Host.Configuration;
using Automation.Host.Messaging;
using Automation.Host.Plugins;
using Automation.Plugins.Sdk.Mail;
using Automation.Storage;
using Automation.Testing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Actions from the action activity to a connector plugin's handler, on the in-memory bus (SQLite) and on RabbitMQ
/// (PostgreSQL): how many per second, and how long from an event's arrival to its action in the handler at a steady
/// event rate. The baseline, in the same run, is a bare MassTransit bus on the same transport carrying a small message
/// from publish to consumer, the floor any dispatch rides on.
/// </summary>
public static class DispatchBenchmark
{
    private const string WorkflowId = "bench-dispatch";

    private const string Definition = """
        { "id": "bench-dispatch", "name": "Bench: one action per event", "trigger": { "type": "event", "event": "bench_go" }, "reentry": { "policy": "always" },
          "activities": [ { "id": "act", "type": "action", "action": "proof.flaky", "input": { "label": "bench" } },
                          { "id": "sent", "type": "end" }, { "id": "gave-up", "type": "end" }, { "id": "blocked", "type": "end" }, { "id": "refused", "type": "end" } ],
          "connections": [ { "from": "act", "port": "done", "to": "sent" }, { "from": "act", "port": "failed", "to": "gave-up" },
                           { "from": "act", "port": "skipped", "to": "blocked" }, { "from": "act", "port": "rejected", "to": "refused" } ] }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var burst = BenchmarkArgs.Int(args, "--actions", 5_000);
        var rate = BenchmarkArgs.Int(args, "--rate", 1_000);
        var seconds = BenchmarkArgs.Int(args, "--seconds", 10);
        var mix = BenchmarkArgs.Int(args, "--mix", 20);
        // A whole segment at once (0 leaves it out); --audience-only measures nothing else.
        var audience = BenchmarkArgs.Int(args, "--audience", 100_000);
        var audienceOnly = args.Contains("--audience-only");
        var transports = new List<string> { "in-memory" };
        if (TestServices.Get(TestServices.RabbitMq) is not null && TestServices.Get(TestServices.Postgres) is not null)
        {
            transports.Add("rabbitmq");
        }
        else
        {
            Console.WriteLine("AUTOMATION_TEST_RABBITMQ / AUTOMATION_TEST_POSTGRES not set: RabbitMQ not measured (eval \"$(scripts/test-services.sh env)\")");
        }

        var table = new Table().AddColumns(
            "transport", "bare bus msg/s", "actions/s", "ratio", $"bare bus p50/p99 @{rate}/s", $"load: {rate} events/s", "event→handler p50/p99", "p99 vs bus", "goal p99", "peak working set");
        var only = Array.IndexOf(args, "--transport") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        // proof.flaky: a single-action connector; proof.batch: a batch connector (up to 50 a call).
        var action = Array.IndexOf(args, "--action") is var a and >= 0 && a + 1 < args.Length ? args[a + 1] : "proof.flaky";
        var summaries = new List<string>();
        foreach (var transport in transports.Where(t => only is null || t == only))
        {
            await MeasureAsync(transport, action, burst, rate, seconds, mix, table, !audienceOnly, audience, summaries);
        }

        if (!audienceOnly)
        {
            AnsiConsole.Write(table);
        }

        foreach (var summary in summaries)
        {
            Console.WriteLine(summary);
        }

        return 0;
    }

    private static async Task MeasureAsync(string transport, string action, int burst, int rate, int seconds, int mix, Table table, bool eventRuns, int audience, List<string> summaries)
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        using var backends = transport == "rabbitmq" ? BrokerAndDatabase.Create() : null;
        var folder = Path.Combine(Path.GetTempPath(), "automation-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var bareBus = await BareBusProbe.MeasureAsync(backends, burst, rate, seconds);

            var builder = EngineBuilder.CreateWeb();
            builder.Logging.ClearProviders().AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Warning);
            if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
            {
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }

            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var settings = new Dictionary<string, string?>
            {
                ["Automation:SqlitePath"] = Path.Combine(folder, "automation.db"),
                ["Automation:PluginsPath"] = plugins.Path,
                ["Automation:Plugins:Proof:LedgerPath"] = ledger.Path,
                ["Automation:Plugins:Proof:FailureRate"] = "0",
                ["Automation:Plugins:Proof:BatchFailsEverySecond"] = "false",
                // No quiet hours and no frequency cap on the proof channel: every action leaves at once.
                ["Automation:Dispatch:QuietHoursStart"] = "",
            };
            foreach (var (key, value) in backends?.Settings() ?? [])
            {
                settings[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddPlugins();
            builder.AddMessaging();
            var mail = new CountingMailDelivery();
            await using var app = await BenchmarkEngine.StartAsync(builder, overrides: s => s.AddSingleton<IMailDelivery>(mail));
            await app.StartAsync();
            if (eventRuns)
            {
                await MeasureEventDispatchAsync(app, transport, action, ledger, bareBus, burst, rate, seconds, mix, table);
            }

            if (audience > 0)
            {
                await MeasureAudienceAsync(app, mail, transport, bareBus.PerSecond, audience, summaries);
            }

            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAudienceAsync(WebApplication app, CountingMailDelivery mail, string transport, double bareBusPerSecond, int audience, List<string> summaries)
    {
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";
        var result = await new DispatchAudienceRun(app, mail).RunAsync(audience);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"dispatch audience[{transport}]: schedule fired → last of {result.Actions:N0} emails at the delivery in {result.Seconds:0.00} s ({result.PerSecond:0} actions/s, {result.PerSecond / bareBusPerSecond:0.000} of the bare bus's {bareBusPerSecond:0} msg/s); every member started {result.SecondsToLastStart:0.00} s after firing; {result.CoreMsPerAction:0.000} core-ms per action; peak working set {peak:0} MiB; load average {load} at the start"));
        summaries.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"dispatch audience {transport}: {result.Actions} actions in {result.Seconds:0.00} s; {result.PerSecond:0} actions/s; {result.CoreMsPerAction:0.000} core-ms per action"));
    }

    private static async Task MeasureEventDispatchAsync(
        WebApplication app, string transport, string action, ProofLedger ledger, (double PerSecond, double P50, double P99) bareBus, int burst, int rate, int seconds, int mix, Table table)
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        await workflows.SaveDraftAsync(WorkflowJson.Parse(Definition.Replace("proof.flaky", action, StringComparison.Ordinal)), "bench", mustBeNew: true, CancellationToken.None);
        await workflows.PublishAsync(WorkflowId, "bench", CancellationToken.None);
        var ingestion = app.Services.GetRequiredService<EventIngestion>();
        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        var run = new DispatchRun(ingestion, databases, ledger);

        // Warm-up (JIT, pools, queues), not timed.
        await run.BurstAsync("warm-", 200);

        var timings = app.Services.GetRequiredService<ProcessingTimings>();
        timings.Reset();
        var throughput = await run.BurstAsync("burst-", burst);
        foreach (var (stage, elapsed, items) in timings.Snapshot())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  processing {stage,-22} {elapsed.TotalSeconds,8:0.00} s {(items > 0 ? $"{items,10:N0} rows, {elapsed.TotalMicroseconds / items:0.0} µs each" : "")}"));
        }

        // Every event starting an instance whose action leaves at once is the worst case; a shop's traffic is
        // mostly browsing, so the second run has one event in `mix` start the workflow.
        var everyEvent = await run.PacedAsync("paced-", rate, seconds);
        var mixed = mix > 1 ? await run.PacedAsync("mixed-", rate, seconds, mix) : default;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var goal = transport == "rabbitmq" ? 250 : 50;
        var name = transport + (transport == "rabbitmq" ? " + PostgreSQL" : " + SQLite");
        void Row(string load, (double P50, double P99, double Max, int Actions) latency, bool first) => table.AddRow(
            first ? name : "",
            first ? Rate(bareBus.PerSecond) : "",
            first ? Rate(throughput.PerSecond) : "",
            first ? R(throughput.PerSecond / bareBus.PerSecond) : "",
            first ? $"{Ms(bareBus.P50)} / {Ms(bareBus.P99)}" : "",
            load,
            $"{Ms(latency.P50)} / {Ms(latency.P99)}",
            R(latency.P99 / bareBus.P99),
            $"< {goal} ms: " + (latency.P99 < goal ? "met" : "not met"),
            first ? (peak / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB" : "");
        Row($"every event an action ({rate}/s)", everyEvent, first: true);
        if (mix > 1)
        {
            Row($"1 in {mix} an action ({rate / mix}/s)", mixed, first: false);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"dispatch[{transport}, {action}]: {burst} actions in {throughput.Seconds:0.00} s = {throughput.PerSecond:0} actions/s event→handler ({throughput.ActivityPerSecond:0}/s from the first action activity), bare bus {bareBus.PerSecond:0} msg/s (p50 {bareBus.P50:0.0} ms p99 {bareBus.P99:0.0} ms)"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"dispatch[{transport}]: {rate} events/s for {seconds} s, every event an action: event→handler p50 {everyEvent.P50:0.0} ms p99 {everyEvent.P99:0.0} ms max {everyEvent.Max:0.0} ms"));
        if (mix > 1)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"dispatch[{transport}]: {rate} events/s for {seconds} s, 1 in {mix} an action ({mixed.Actions} actions): event→handler p50 {mixed.P50:0.0} ms p99 {mixed.P99:0.0} ms max {mixed.Max:0.0} ms"));
        }
    }

    private static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
