using System.Diagnostics;
using System.Globalization;
using Automation.Testing;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Time of a Prometheus scrape (GET /metrics) on the embedded default holding a large processed history (1M events,
/// 100k actions by default, written straight into the store), against GET /health/live — a trivial endpoint of the
/// same host over the same connection — in the same run. The goal is a scrape under 50 ms whatever the history holds.
/// </summary>
public static class ScrapeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchmarkArgs.Int(args, "--events", 1_000_000);
        var actions = BenchmarkArgs.Int(args, "--actions", 100_000);
        var customers = BenchmarkArgs.Int(args, "--customers", 100_000);
        var scrapes = BenchmarkArgs.Int(args, "--scrapes", 200);
        var settings = new Dictionary<string, string> { ["Automation__WorkflowsPath"] = "" };

        // A first start creates and migrates the database; the history goes in while no host runs.
        var first = await HostProcess.StartAsync(requireDesigner: false, settings: settings);
        var folder = first.Folder;
        await first.KillAsync();
        var watch = Stopwatch.StartNew();
        await StoredHistoryLoader.LoadAsync(Path.Combine(folder, "automation.db"), events, customers, actions, DateTime.UtcNow);
        var loading = watch.Elapsed.TotalSeconds;

        await using var host = await HostProcess.StartAsync(folder, requireDesigner: false, settings: settings);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var metrics = new List<double>(scrapes);
        var live = new List<double>(scrapes);
        for (var i = 0; i < 20; i++)
        {
            await GetAsync(client, "/metrics");
            await GetAsync(client, "/health/live");
        }

        for (var i = 0; i < scrapes; i++)
        {
            // Interleaved, so a busy moment of the shared machine falls on both.
            live.Add(await GetAsync(client, "/health/live"));
            metrics.Add(await GetAsync(client, "/metrics"));
        }

        var sample = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        // The history counts as processed: a host folding it meanwhile would measure something else.
        var unprocessed = sample.Split('\n').FirstOrDefault(l => l.StartsWith("automation_events_unprocessed", StringComparison.Ordinal));
        if (unprocessed is null || !unprocessed.EndsWith(" 0", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("the scrape did not report the stored history as processed:\n" + sample);
            return 1;
        }

        metrics.Sort();
        live.Sort();
        double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        var table = new Table().AddColumns("measure", "requests", "p50 ms", "p95 ms", "max ms");
        table.AddRow("baseline: GET /health/live", N(scrapes), S(P(live, 0.5)), S(P(live, 0.95)), S(live[^1]));
        table.AddRow($"GET /metrics ({N(events)} events, {N(actions)} actions stored)", N(scrapes), S(P(metrics, 0.5)), S(P(metrics, 0.95)), S(metrics[^1]));
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scrape: GET /metrics p50 {P(metrics, 0.5):0.00} ms, p95 {P(metrics, 0.95):0.00} ms ({sample.Length / 1024.0:0} KiB) with {events} events and {actions} actions stored (loaded in {loading:0.0} s); /health/live baseline p50 {P(live, 0.5):0.00} ms; ratio {P(metrics, 0.5) / P(live, 0.5):0.00}"));
        return 0;
    }

    private static async Task<double> GetAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
