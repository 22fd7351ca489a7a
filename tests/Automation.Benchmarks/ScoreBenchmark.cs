using System.Diagnostics;
using System.Globalization;
using Automation.Engine.Configuration;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Scoring.Models;
using Automation.Storage.Events;
using Automation.Testing.Histories;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>
/// Online scoring throughput of a churn model (FastTree with its top-3 reason codes, as event processing does it),
/// in profiles/s, against the hand-written RFM scorer (quintile scores and segment name) over the same profiles in
/// the same run. The model is trained first on a generated history with a planted signal.
/// </summary>
public static class ScoreBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var customers = BenchmarkArgs.Int(args, "--customers", 3_000);
        var profiles = BenchmarkArgs.Int(args, "--profiles", 100_000);
        var options = Options.Create(new AutomationOptions());
        var calculator = new FeatureCalculator(options);
        var end = DateTime.UtcNow.Date;

        var watch = Stopwatch.StartNew();
        var set = await new TrainingSetBuilder(new ProfileUpdater(options), calculator)
            .BuildAsync(Stored(ChurnHistory.Generate(customers, end, planted: true)), ScoreTargets.ChurnRisk, ChurnHistory.WindowDays, end.AddDays(-60), end.AddDays(-30), CancellationToken.None);
        var trained = ModelTrainer.Train(set);
        var training = watch.Elapsed.TotalSeconds;
        using var model = new FastTreeScoreModel(trained.Model, trained.Features);

        var population = Population(profiles);
        var boundaries = RfmBoundaries.From([.. population.Select(f => ((double)f.DaysSinceLastPurchase, (double)f.Purchases, f.Monetary))]);

        // Warm both paths so neither pays for JIT in its measurement.
        foreach (var f in population.Take(1000))
        {
            model.Score(f);
            Rfm(boundaries, f);
        }

        watch.Restart();
        var rfmChecksum = 0;
        foreach (var f in population)
        {
            rfmChecksum += Rfm(boundaries, f).Length;
        }

        var rfm = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var reasons = 0;
        foreach (var f in population)
        {
            reasons += model.Score(f).Reasons.Count;
        }

        var scored = watch.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"churn model trained on {set.Train.Count:N0} customers in {training:0.0} s: holdout AUC {trained.Metrics.Model.Auc:0.000} (RFM-only baseline {trained.Metrics.Baseline!.Auc:0.000})"));
        var table = new Table().AddColumns("measure", "profiles", "seconds", "profiles/s", "vs baseline");
        table.AddRow("baseline: hand-written RFM scorer (quintiles + segment name)", N(profiles), S(rfm), N(profiles / rfm), "1.000");
        table.AddRow("churn model: FastTree + top-3 reason codes in words", N(profiles), S(scored), N(profiles / scored), R(rfm / scored));
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score: {profiles / scored:0} profiles/s with reasons ({reasons / (double)profiles:0.0} reasons each); RFM baseline {profiles / rfm:0} profiles/s; ratio {rfm / scored:0.0000}; peak working set {peak:0} MiB (checksum {rfmChecksum})"));
        return 0;
    }

    /// <summary>Profiles spread like real ones: most bought a little, some have warning signs, a few are busy.</summary>
    private static List<CustomerFeatures> Population(int count)
    {
        var random = new Random(5);
        var list = new List<CustomerFeatures>(count);
        for (var i = 0; i < count; i++)
        {
            var purchases = random.Next(0, 8);
            var opens = random.Next(0, 6);
            list.Add(new CustomerFeatures
            {
                CustomerId = $"c-{i}",
                Purchases = purchases,
                Monetary = purchases * random.Next(20, 300),
                AverageOrderValue = random.Next(20, 300),
                DaysSinceLastPurchase = purchases == 0 ? FeatureCalculator.NeverBought : random.Next(0, 200),
                DaysInactive = random.Next(0, 60),
                DaysSinceFirstSeen = random.Next(30, 400),
                PageViews30d = random.Next(0, 20),
                PageViews7d = random.Next(0, 5),
                SupportTickets30d = random.NextDouble() < 0.3 ? random.Next(1, 5) : 0,
                EmailOpens30d = opens,
                EmailOpens7d = opens / 2,
                PricingViews30d = random.Next(0, 4),
                Sessions = random.Next(1, 40),
                TotalEvents = random.Next(1, 200),
            });
        }

        return list;
    }

    private static string Rfm(RfmBoundaries b, CustomerFeatures f)
    {
        var bought = f.Purchases > 0;
        var recency = bought ? b.RecencyScore(f.DaysSinceLastPurchase) : 0;
        var frequency = bought ? b.FrequencyScore(f.Purchases) : 0;
        var monetary = bought ? b.MonetaryScore(f.Monetary) : 0;
        return RfmSegments.Name(recency, frequency) + monetary.ToString(CultureInfo.InvariantCulture);
    }

    private static async IAsyncEnumerable<StoredEvent> Stored(IEnumerable<HistoryEvent> events)
    {
        long sequence = 0;
        foreach (var e in events)
        {
            await Task.CompletedTask;
            sequence++;
            yield return new StoredEvent { Sequence = sequence, EventId = $"e-{sequence}", CustomerId = e.CustomerId, Type = e.Type, Timestamp = e.Timestamp, Value = e.Value, ReceivedAt = e.Timestamp };
        }
    }


    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
