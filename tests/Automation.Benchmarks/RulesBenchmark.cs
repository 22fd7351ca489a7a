using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Rule-set decisions on NRules: 100,000 profiles through generated rule sets of 10 and 50 rules (thresholds, any-groups,
/// decision values, forward chaining through derived facts, priorities), one session per `--batch` customers (inserted
/// together, fired in one agenda, where each rule collects its matches and fires once for them; 200 by default: the
/// best of 100 to 1,000, as larger batches leave the processor's caches), sessions sharded over the cores, against the
/// same decisions
/// hand-written in C# over the same profiles in the same run. Also measured: the same per second of CPU time (other
/// load on the machine cancels out), one session per customer (what the ruleSet activity does), formatting every
/// explanation, and the 50-rule compile time.
/// </summary>
public static class RulesBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var profiles = BenchmarkArgs.Int(args, "--profiles", 100_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 200);
        var single = BenchmarkArgs.Int(args, "--single", 20_000);
        var rounds = Math.Max(1, BenchmarkArgs.Int(args, "--rounds", 3));
        var population = Population(profiles);
        var compiler = new RuleSetCompiler(new ProfileExpressionCompiler());
        var table = new Table().AddColumns("measure", "rules", "customers", "seconds", "decisions/s", "vs hand-written");
        double decisionsPerSecond = 0, ratio = 0, compileSeconds = 0, firingsPerCustomer = 0;

        foreach (var count in BenchmarkArgs.Int(args, "--only", 0) is > 0 and var only ? [only] : new[] { 10, 50 })
        {
            var rules = GeneratedRules.Of(count);
            var watch = Stopwatch.StartNew();
            Compile(compiler, rules.Json);
            var coldCompile = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var ruleSet = Compile(compiler, rules.Json);
            var compile = watch.Elapsed.TotalSeconds;

            // Warm both paths over the whole population so neither pays for JIT, nor for the tiered JIT's first tiers,
            // in its measurement: a warm-up of 3,000 customers left the first measured pass at about half the rate.
            Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range => ruleSet.EvaluateMany(population[range.Item1..range.Item2]));
            Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    rules.HandWritten(population[i].Features, population[i].Scores);
                }
            });

            // Each measure is taken `--rounds` times and the median kept: a pass lasts under a second, short enough
            // for a collection or another process to move a single figure.
            var expected = new string[population.Count];
            var decided = new string[population.Count];
            var fired = new int[population.Count];
            var handWrittenRounds = new List<double>();
            var batchedRounds = new List<(double Wall, double Cpu, double Pauses, double Bytes)>();
            for (var round = 0; round < rounds; round++)
            {
                watch.Restart();
                Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        expected[i] = rules.HandWritten(population[i].Features, population[i].Scores).Port;
                    }
                });
                handWrittenRounds.Add(watch.Elapsed.TotalSeconds);

                // Only the port and the number of firings are kept, as a caller that routes and journals would: holding
                // every outcome (and through it every customer's firings) would make the collector copy them all.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var pauses = GC.GetTotalPauseDuration();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                watch.Restart();
                Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range =>
                {
                    var outcomes = ruleSet.EvaluateMany(population[range.Item1..range.Item2]);
                    for (var i = 0; i < outcomes.Count; i++)
                    {
                        decided[range.Item1 + i] = outcomes[i].Port;
                        fired[range.Item1 + i] = outcomes[i].Firings;
                    }
                });
                batchedRounds.Add((
                    watch.Elapsed.TotalSeconds,
                    (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
                    (GC.GetTotalPauseDuration() - pauses).TotalSeconds,
                    (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)population.Count));
            }

            var handWritten = Median(handWrittenRounds);
            var batched = Median(batchedRounds.Select(r => r.Wall));
            var batchedCpu = Median(batchedRounds.Select(r => r.Cpu));
            var batchedPauses = Median(batchedRounds.Select(r => r.Pauses));
            var bytesPerCustomer = Median(batchedRounds.Select(r => r.Bytes));
            var roundRates = string.Join(" / ", batchedRounds.Select(r => N(profiles / r.Wall)));
            var mismatches = Enumerable.Range(0, population.Count).Count(i => decided[i] != expected[i]);
            if (mismatches > 0)
            {
                AnsiConsole.MarkupLine($"[red]{mismatches} decisions differ from the hand-written ones[/]");
                return Task.FromResult(1);
            }

            var firings = fired.Sum();
            watch.Restart();
            var explained = 0L;
            Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range =>
            {
                var length = ruleSet.EvaluateMany(population[range.Item1..range.Item2]).Sum(o => (long)o.Explanation.Length);
                Interlocked.Add(ref explained, length);
            });
            var explaining = watch.Elapsed.TotalSeconds;

            watch.Restart();
            var one = population.Count > single ? population[..single] : population;
            Parallel.ForEach(Partitioner.Create(0, one.Count, batch), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    ruleSet.Evaluate(one[i].Features, one[i].Scores);
                }
            });
            var perCustomer = watch.Elapsed.TotalSeconds;

            var rate = profiles / batched;
            table.AddRow("hand-written C#, same decisions", N(count), N(profiles), S(handWritten), N(profiles / handWritten), "1.000");
            table.AddRow($"NRules, one session per {batch:N0} customers, on {Environment.ProcessorCount} cores (median of {roundRates})", N(count), N(profiles), S(batched), N(rate), R(batched / handWritten));
            table.AddRow($"  the same, per second of the process's CPU time (GC pauses {batchedPauses:0.000} s, {bytesPerCustomer / 1024:0.0} KiB allocated per customer)", N(count), N(profiles), S(batchedCpu), N(profiles / batchedCpu), "");
            table.AddRow($"  the same, formatting every explanation ({firings / (double)profiles:0.0} firings each)", N(count), N(profiles), S(explaining), N(profiles / explaining), R(explaining / handWritten));
            table.AddRow("NRules, one session per customer (the ruleSet activity)", N(count), N(one.Count), S(perCustomer), N(one.Count / perCustomer), R(perCustomer / one.Count * profiles / handWritten));
            table.AddRow($"compile: first {coldCompile:0.000} s (JIT), again", N(count), "", S(compile), "", "");
            if (count == 50)
            {
                decisionsPerSecond = rate;
                ratio = batched / handWritten;
                compileSeconds = compile;
                firingsPerCustomer = firings / (double)profiles;
            }
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160); // one row per measure in a log file
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules: {decisionsPerSecond:0} decisions/s; {ratio:0.0}x the hand-written time; compile {compileSeconds:0.000} s; peak working set {peak:0} MiB (50 rules, {firingsPerCustomer:0.0} firings per customer, one session per {batch} customers on {Environment.ProcessorCount} cores)"));
        return Task.FromResult(0);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static CompiledRuleSet Compile(RuleSetCompiler compiler, string json) =>
        compiler.TryCompile("bench", json, out var compiled, out var problems)
            ? compiled!
            : throw new InvalidOperationException(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")));

    /// <summary>Profiles spread like real ones: most bought a little, some have warning signs, a few are busy.</summary>
    private static List<(CustomerFeatures Features, CustomerScores Scores)> Population(int count)
    {
        var random = new Random(7);
        var list = new List<(CustomerFeatures, CustomerScores)>(count);
        for (var i = 0; i < count; i++)
        {
            var purchases = random.Next(0, 8);
            list.Add((
                new CustomerFeatures
                {
                    CustomerId = $"c-{i}",
                    Purchases = purchases,
                    Monetary = purchases * random.Next(20, 300),
                    DaysInactive = random.Next(0, 60),
                    PageViews30d = random.Next(0, 20),
                    EmailOpens30d = random.Next(0, 6),
                    PricingViews30d = random.Next(0, 4),
                },
                new CustomerScores { ChurnRisk = random.NextDouble() }));
        }

        return list;
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string R(double ratio) => ratio.ToString("0.000", CultureInfo.InvariantCulture);
}
