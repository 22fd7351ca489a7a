using Automation.Benchmarks;
using Spectre.Console;

// One sub-command per benchmark; each prints its figure next to a baseline measured in the same run.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["ingest"] = IngestBenchmark.RunAsync,
    ["segments"] = SegmentsBenchmark.RunAsync,
    ["score"] = ScoreBenchmark.RunAsync,
    ["workflows"] = WorkflowsBenchmark.RunAsync,
    ["rfm"] = RfmBenchmark.RunAsync,
    ["dispatch"] = DispatchBenchmark.RunAsync,
    ["rules"] = RulesBenchmark.RunAsync,
    ["scrape"] = ScrapeBenchmark.RunAsync,
    ["history"] = HistoryBenchmark.RunAsync,
    ["scale"] = ScaleBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    AnsiConsole.MarkupLine("usage: dotnet run -c Release --project tests/Automation.Benchmarks -- [bold]<benchmark>[/] [options]");
    AnsiConsole.MarkupLine("benchmarks: " + string.Join(", ", benchmarks.Keys));
    return 2;
}

return await run(args[1..]);
