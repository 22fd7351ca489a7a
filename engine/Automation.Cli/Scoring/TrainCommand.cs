using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Automation.Cli.Storage;
using Automation.Engine.Scoring.Models;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Automation.Cli.Scoring;

/// <summary>
/// `automation train churn --horizon 90d` or `automation train --target purchase --horizon 30d`: learns a score from
/// stored history and prints its holdout metrics next to the RFM-only baseline's.
/// </summary>
public static partial class TrainCommand
{
    public static Command Create()
    {
        var targetArgument = new Argument<string?>("target") { Description = "churn or purchase", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string?>("--target") { Description = "churn or purchase (instead of the argument)" };
        var horizon = new Option<string>("--horizon") { Description = "how far ahead the label looks, e.g. 90d", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "probability at which precision and recall are reported", DefaultValueFactory = _ => 0.5 };
        var keep = new Option<bool>("--no-activate") { Description = "store the new version without scoring with it" };
        var sqlite = new Option<string?>("--sqlite") { Description = "the engine's SQLite file (default: Automation__* settings)" };
        var command = new Command("train", "Train a churn or purchase model from stored history and compare it with an RFM-only baseline on a later holdout")
        {
            targetArgument, target, horizon, threshold, keep, sqlite,
        };
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(target) ?? result.GetValue(targetArgument), result.GetValue(horizon)!, result.GetValue(threshold), !result.GetValue(keep), result.GetValue(sqlite), ct));
        return command;
    }

    /// <summary>"90d" or "90" → 90 days.</summary>
    public static int? HorizonDays(string text)
    {
        var match = HorizonPattern().Match(text ?? "");
        return match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365 ? days : null;
    }

    private static async Task<int> RunAsync(string? target, string horizon, double threshold, bool activate, string? sqlite, CancellationToken ct)
    {
        var score = ScoreTargets.Parse(target);
        var days = HorizonDays(horizon);
        if (score is null || days is null)
        {
            AnsiConsole.MarkupLine(score is null ? "[red]target:[/] use churn or purchase" : "[red]--horizon:[/] use a number of days from 1 to 365, e.g. 90d");
            return 2;
        }

        try
        {
            await using var services = await CliServices.CreateAsync(sqlite, ct);
            var (trained, saved) = await AnsiConsole.Status().StartAsync(
                $"Training {ScoreTargets.Words(score)} over a {days}-day horizon…",
                _ => services.GetRequiredService<ModelTraining>().RunAsync(score, days.Value, threshold, activate, ct));
            Print(trained);
            AnsiConsole.MarkupLine($"Saved {score} model version {saved.Version}{(saved.Active ? ", now active" : " (not active)")}.");
            if (trained.Metrics.Model.Auc <= trained.Metrics.Baseline!.Auc)
            {
                AnsiConsole.MarkupLine("[yellow]The model does no better than RFM alone on the holdout; consider keeping the previous version.[/]");
            }

            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 1;
        }
    }

    private static void Print(TrainedModel trained)
    {
        var m = trained.Metrics;
        AnsiConsole.MarkupLine($"Training cut-off {m.TrainCutoff:yyyy-MM-dd} ({m.TrainCustomers} customers), holdout cut-off {m.HoldoutCutoff:yyyy-MM-dd} ({m.Model.Customers} customers, {m.Model.Positives} positive).");
        var table = new Table().AddColumns("holdout", "FastTree model", "RFM-only baseline");
        table.AddRow("AUC", F(m.Model.Auc), F(m.Baseline!.Auc));
        table.AddRow($"precision at {F(m.Model.Threshold)}", F(m.Model.Precision), F(m.Baseline.Precision));
        table.AddRow($"recall at {F(m.Model.Threshold)}", F(m.Model.Recall), F(m.Baseline.Recall));
        AnsiConsole.Write(table);

        var calibration = new Table().AddColumns("predicted", "customers", "mean predicted", "observed");
        foreach (var b in m.Model.Calibration)
        {
            calibration.AddRow($"{F(b.From)}–{F(b.To)}", b.Customers.ToString(CultureInfo.InvariantCulture), F(b.MeanPredicted), F(b.ObservedRate));
        }

        AnsiConsole.Write(calibration);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    [GeneratedRegex("^\\s*(\\d+)\\s*d?\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HorizonPattern();
}
