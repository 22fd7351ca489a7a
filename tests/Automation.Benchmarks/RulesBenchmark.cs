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
/// together, fired in one agenda; 50 by default: larger batches keep more of the session alive through each garbage
/// collection, 1,000 ran at less than half the rate), sessions sharded over the cores, against the same decisions
/// hand-written in C# over the same profiles in the same run. Also measured: the same per second of CPU time (other
/// load on the machine cancels out), one session per customer (what the ruleSet activity does), formatting every
/// explanation, and the 50-rule compile time.
/// </summary>
public static class RulesBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var profiles = BenchmarkArgs.Int(args, "--profiles", 100_000);
        var batch = BenchmarkArgs.Int(args, "--batch", 50);
        var single = BenchmarkArgs.Int(args, "--single", 20_000);
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

            // Warm both paths so neither pays for JIT (nor for the tiered JIT's first tiers) in its measurement.
            var warm = population.Take(Math.Min(population.Count, 3_000)).ToList();
            for (var i = 0; i < warm.Count; i += batch)
            {
                ruleSet.EvaluateMany(warm[i..Math.Min(warm.Count, i + batch)]);
            }

            warm.Select(c => rules.HandWritten(c.Features, c.Scores)).ToList();

            watch.Restart();
            var expected = new string[population.Count];
            Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    expected[i] = rules.HandWritten(population[i].Features, population[i].Scores).Port;
                }
            });
            var handWritten = watch.Elapsed.TotalSeconds;

            // Only the port and the number of firings are kept, as a caller that routes and journals would: holding
            // every outcome (and through it every customer's firings) would make the collector copy them all.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pauses = GC.GetTotalPauseDuration();
            watch.Restart();
            var decided = new string[population.Count];
            var fired = new int[population.Count];
            Parallel.ForEach(Partitioner.Create(0, population.Count, batch), range =>
            {
                var outcomes = ruleSet.EvaluateMany(population[range.Item1..range.Item2]);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    decided[range.Item1 + i] = outcomes[i].Port;
                    fired[range.Item1 + i] = outcomes[i].Firings;
                }
            });
            var batched = watch.Elapsed.TotalSeconds;
            var batchedCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var batchedPauses = (GC.GetTotalPauseDuration() - pauses).TotalSeconds;
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
            table.AddRow($"NRules, one session per {batch:N0} customers, on {Environment.ProcessorCount} cores", N(count), N(profiles), S(batched), N(rate), R(batched / handWritten));
            table.AddRow($"  the same, per second of the process's CPU time (GC pauses {batchedPauses:0.000} s)", N(count), N(profiles), S(batchedCpu), N(profiles / batchedCpu), "");
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
