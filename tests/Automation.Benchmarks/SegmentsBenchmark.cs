using System.Diagnostics;
using System.Globalization;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Storage.Segments;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// 50 segments evaluated per profile update: the marketers' expressions (compiled through System.Linq.Dynamic.Core's parser
/// and the sandbox) against hand-written C# predicates of the same logic, over the same generated profiles.
/// </summary>
public static class SegmentsBenchmark
{
    /// <summary>Ten shapes of segment, each at five thresholds: the expression text and the same logic in C#.</summary>
    private static readonly (string Text, Func<CustomerFeatures, CustomerScores, int, bool> Code)[] Shapes =
    [
        ("Features.PricingViews7d >= {0} && Features.Purchases == 0", (f, s, t) => f.PricingViews7d >= t && f.Purchases == 0),
        ("Features.Purchases >= {0} && Features.DaysInactive >= 30", (f, s, t) => f.Purchases >= t && f.DaysInactive >= 30),
        ("Features.HasAbandonedCart && Features.CartAdds30d >= {0}", (f, s, t) => f.HasAbandonedCart && f.CartAdds30d >= t),
        ("Features.Monetary >= {0} * 200", (f, s, t) => f.Monetary >= t * 200),
        ("Features.EmailOpens30d + Features.EmailClicks30d >= {0} && !Features.Unsubscribed", (f, s, t) => f.EmailOpens30d + f.EmailClicks30d >= t && !f.Unsubscribed),
        ("Scores.ChurnRisk >= {0} / 10.0 && Features.Purchases > 0", (f, s, t) => s.ChurnRisk >= t / 10.0 && f.Purchases > 0),
        ("Features.Sessions >= {0} && Features.PageViews30d + Features.ProductViews30d >= 5 && Features.Purchases == 0", (f, s, t) => f.Sessions >= t && f.PageViews30d + f.ProductViews30d >= 5 && f.Purchases == 0),
        ("Scores.Recency >= 4 && Scores.Frequency >= {0}", (f, s, t) => s.Recency >= 4 && s.Frequency >= t),
        ("Features.SupportTickets30d >= {0} || Features.Refunds >= {0}", (f, s, t) => f.SupportTickets30d >= t || f.Refunds >= t),
        ("Features.DaysSinceLastPurchase <= {0} * 7 && Features.AverageOrderValue > 50", (f, s, t) => f.DaysSinceLastPurchase <= t * 7 && f.AverageOrderValue > 50),
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var profiles = BenchmarkArgs.Int(args, "--profiles", 200_000);
        var data = Generate(profiles);
        var compiler = new ProfileExpressionCompiler();
        var segments = new List<CompiledSegment>();
        var handWritten = new List<Func<CustomerFeatures, CustomerScores, bool>>();
        foreach (var (text, code) in Shapes)
        {
            for (var threshold = 1; threshold <= 5; threshold++)
            {
                var expression = string.Format(CultureInfo.InvariantCulture, text, threshold);
                var key = $"s{segments.Count:00}";
                segments.Add(new CompiledSegment(new SegmentDefinitionRecord { Key = key, Name = key, Expression = expression }, compiler.Compile(expression)));
                var t = threshold;
                handWritten.Add((f, s) => code(f, s, t));
            }
        }

        // Same answers first: a fast wrong benchmark is worth nothing.
        foreach (var (f, s) in data.Take(5_000))
        {
            for (var i = 0; i < segments.Count; i++)
            {
                if (segments[i].Expression.Evaluate(f, s) != handWritten[i](f, s))
                {
                    AnsiConsole.MarkupLine($"[red]segment {i} disagrees with its hand-written predicate[/]");
                    return Task.FromResult(1);
                }
            }
        }

        var evaluations = (double)profiles * segments.Count;
        var baseline = Time(() => Count(data, handWritten));
        var expressions = Time(() => Count(data, segments.Select(s => s.Expression.Evaluate).ToList()));
        var now = DateTime.UtcNow;

        // A profile update re-evaluates every segment against the customer's memberships: mostly no change (steady),
        // sometimes entries with reason codes written (the first pass over empty memberships).
        var memberships = data.Select(_ => new Dictionary<string, SegmentMembership>(StringComparer.Ordinal)).ToList();
        var before = GC.GetTotalMemory(true) / 1048576.0;
        var peak = MemoryPeak.Start();
        var paused = GC.GetTotalPauseDuration();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var watch = Stopwatch.StartNew();
        var entered = 0;
        for (var i = 0; i < data.Count; i++)
        {
            entered += SegmentEvaluator.Evaluate(segments, data[i].F, data[i].S, memberships[i], now).Count;
        }

        var entering = watch.Elapsed.TotalSeconds;
        peak.Dispose();
        paused = GC.GetTotalPauseDuration() - paused;
        collections = (GC.CollectionCount(0) - collections.Item1, GC.CollectionCount(1) - collections.Item2, GC.CollectionCount(2) - collections.Item3);
        var kept = GC.GetTotalMemory(true) / 1048576.0;
        var full = Time(() =>
        {
            var changes = 0;
            for (var i = 0; i < data.Count; i++)
            {
                changes += SegmentEvaluator.Evaluate(segments, data[i].F, data[i].S, memberships[i], now).Count;
            }

            return changes;
        });

        var table = new Table().AddColumns("measure", "evaluations", "seconds", "evaluations/s", "vs baseline");
        table.AddRow("baseline: hand-written C# predicates", N(evaluations), S(baseline), N(evaluations / baseline), "1.00");
        table.AddRow("segment expressions (compiled, sandboxed)", N(evaluations), S(expressions), N(evaluations / expressions), R(expressions / baseline));
        table.AddRow("profile update: evaluate + diff against memberships (steady)", N(evaluations), S(full), N(evaluations / full), R(full / baseline));
        table.AddRow($"profile update: first pass, {N(entered)} entries with reason codes", N(evaluations), S(entering), N(evaluations / entering), R(entering / baseline));
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first pass memory: managed heap {before:0} MiB before (profiles, empty memberships), {kept:0} MiB after (the memberships kept); during the pass peak heap {peak.HeapMiB:0} MiB, peak working set {peak.WorkingSetMiB:0} MiB (goal <= 1536: {(peak.WorkingSetMiB <= 1536 ? "met" : "NOT met")}); GC paused {paused.TotalSeconds:0.00} s in {collections.Item1}/{collections.Item2}/{collections.Item3} gen0/1/2 collections"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segments: {segments.Count} segments x {profiles:N0} profiles; expressions {evaluations / expressions:0} evaluations/s = {expressions / baseline:0.00}x the hand-written time (goal <= 3x); profile updates {profiles / full:0}/s steady ({full / baseline:0.00}x), {profiles / entering:0}/s while writing {entered:N0} entries with reasons; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB"));
        return Task.FromResult(expressions / baseline <= 3 ? 0 : 1);
    }

    private static int Count(List<(CustomerFeatures F, CustomerScores S)> data, List<Func<CustomerFeatures, CustomerScores, bool>> predicates)
    {
        var hits = 0;
        foreach (var (f, s) in data)
        {
            foreach (var predicate in predicates)
            {
                hits += predicate(f, s) ? 1 : 0;
            }
        }

        return hits;
    }

    /// <summary>Best of three runs after a warm-up, in seconds.</summary>
    private static double Time(Func<int> work)
    {
        work();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static List<(CustomerFeatures F, CustomerScores S)> Generate(int count)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count).Select(i =>
        {
            var purchases = random.Next(0, 8);
            var features = new CustomerFeatures
            {
                CustomerId = "c" + i.ToString(CultureInfo.InvariantCulture),
                Purchases = purchases,
                DaysInactive = random.Next(0, 120),
                DaysSinceLastPurchase = purchases == 0 ? 9999 : random.Next(0, 200),
                Monetary = purchases * random.Next(10, 400),
                AverageOrderValue = random.Next(5, 200),
                PricingViews7d = random.Next(0, 5),
                PageViews30d = random.Next(0, 20),
                ProductViews30d = random.Next(0, 10),
                CartAdds30d = random.Next(0, 4),
                HasAbandonedCart = random.Next(4) == 0,
                EmailOpens30d = random.Next(0, 6),
                EmailClicks30d = random.Next(0, 3),
                Unsubscribed = random.Next(20) == 0,
                Sessions = random.Next(0, 10),
                SupportTickets30d = random.Next(0, 3),
                Refunds = random.Next(0, 2),
            };
            var scores = new CustomerScores { ChurnRisk = random.NextDouble(), Recency = random.Next(0, 6), Frequency = random.Next(0, 6), Monetary = random.Next(0, 6) };
            return (features, scores);
        }).ToList();
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
