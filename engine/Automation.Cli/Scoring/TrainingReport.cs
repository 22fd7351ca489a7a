using System.Globalization;
using Automation.Engine.Scoring.Models;
using Spectre.Console;

namespace Automation.Cli.Scoring;

/// <summary>What `automation train` prints: every candidate next to the RFM baseline on the same split, the reliability table, and one summary line.</summary>
public static class TrainingReport
{
    public static void Print(TrainingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var m = outcome.Trained.Metrics;
        AnsiConsole.MarkupLine($"Training cut-off {m.TrainCutoff:yyyy-MM-dd} ({m.TrainCustomers} customers), holdout cut-off {m.HoldoutCutoff:yyyy-MM-dd}: {m.CalibrationCustomers} customers calibrate the probabilities, {m.Model.Customers} measure them ({m.Model.Positives} positive).");
        var candidates = m.Candidates ?? new Dictionary<string, BinaryMetrics> { [m.Chosen ?? "model"] = m.Model };
        var table = new Table().AddColumn("holdout");
        foreach (var name in candidates.Keys)
        {
            table.AddColumn(Markup.Escape(name + (name == m.Chosen ? " (chosen)" : "")));
        }

        void Row(string label, Func<BinaryMetrics, double> read) => table.AddRow([label, .. candidates.Values.Select(c => F(read(c)))]);
        Row("ROC AUC", c => c.Auc);
        Row("PR AUC", c => c.PrAuc);
        Row("top-decile lift", c => c.TopDecileLift);
        Row("top-decile capture", c => c.TopDecileCapture);
        Row($"precision at {F(m.Model.Threshold)}", c => c.Precision);
        Row($"recall at {F(m.Model.Threshold)}", c => c.Recall);
        AnsiConsole.Write(table);

        var calibration = new Table().AddColumns("predicted (chosen model)", "customers", "mean predicted", "observed", "gap");
        foreach (var b in m.Model.Calibration)
        {
            calibration.AddRow($"{F(b.From)}–{F(b.To)}", b.Customers.ToString(CultureInfo.InvariantCulture), F(b.MeanPredicted), F(b.ObservedRate), F(b.ObservedRate - b.MeanPredicted));
        }

        AnsiConsole.Write(calibration);

        var deciles = new Table().AddColumns("decile (chosen model)", "scores", "customers", "mean predicted", "observed", "gap");
        foreach (var (d, i) in (m.Model.Deciles ?? []).Select((d, i) => (d, i)))
        {
            deciles.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), $"{F(d.From)}–{F(d.To)}", d.Customers.ToString(CultureInfo.InvariantCulture), F(d.MeanPredicted), F(d.ObservedRate), F(d.ObservedRate - d.MeanPredicted));
        }

        AnsiConsole.Write(deciles);
    }

    /// <summary>`churn: ROC AUC 0.812 vs RFM baseline 0.809; PR AUC …; top-decile lift …; activated (RFM logistic regression; …)`.</summary>
    public static string SummaryLine(TrainingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var m = outcome.Trained.Metrics;
        var b = m.Baseline ?? m.Model;
        var name = outcome.Trained.Score == ScoreTargets.ChurnRisk ? "churn" : "purchase";
        return $"{name}: ROC AUC {F(m.Model.Auc)} vs RFM baseline {F(b.Auc)}; PR AUC {F(m.Model.PrAuc)} vs {F(b.PrAuc)}; top-decile lift {F(m.Model.TopDecileLift)} vs {F(b.TopDecileLift)}; {WithModel(outcome.Decision, m.Chosen)}";
    }

    /// <summary>"activated (no version was active)" → "activated (RFM logistic regression; no version was active)".</summary>
    private static string WithModel(string decision, string? chosen)
    {
        var open = decision.IndexOf('(', StringComparison.Ordinal);
        return chosen is null || open < 0 ? decision : $"{decision[..(open + 1)]}{chosen}; {decision[(open + 1)..]}";
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
