using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Automation.Cli.Import;
using Automation.Cli.Storage;
using Automation.Engine.Scoring.Models;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Automation.Cli.Scoring;

/// <summary>
/// `automation train churn --horizon 90d` or `automation train --target purchase --horizon 30d`: fits the candidates on
/// stored history, prints their holdout metrics next to the RFM-only baseline's, activates the new version only when
/// it beats the active one, then scores every profile with the active model.
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
        var margin = new Option<double>("--margin") { Description = "ROC AUC a new version must gain over the active one (and boosted trees over RFM) to be chosen", DefaultValueFactory = _ => ModelTrainer.DefaultMargin };
        var force = new Option<bool>("--force") { Description = "activate the new version even if it does not beat the active one" };
        var asOf = new Option<DateTime?>("--as-of") { Description = "the moment profiles are scored as of (default: the history's last event)" };
        var sqlite = new Option<string?>("--sqlite") { Description = "the engine's SQLite file (default: Automation__* settings)" };
        var command = new Command("train", "Train a churn or purchase model from stored history, compare it with an RFM-only baseline on a later holdout, and score every profile")
        {
            targetArgument, target, horizon, threshold, keep, margin, force, asOf, sqlite, DatabaseOptions.Postgres,
        };
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(target) ?? result.GetValue(targetArgument),
            result.GetValue(horizon)!,
            (result.GetValue(threshold), !result.GetValue(keep), result.GetValue(margin), result.GetValue(force)),
            result.GetValue(asOf),
            (result.GetValue(sqlite), result.GetValue(DatabaseOptions.Postgres)),
            ct));
        return command;
    }

    /// <summary>"90d" or "90" → 90 days.</summary>
    public static int? HorizonDays(string text)
    {
        var match = HorizonPattern().Match(text ?? "");
        return match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365 ? days : null;
    }

    private static async Task<int> RunAsync(
        string? target, string horizon, (double Threshold, bool Activate, double Margin, bool Force) choice, DateTime? asOf, (string? Sqlite, string? Postgres) store, CancellationToken ct)
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
            await using var services = await CliServices.CreateAsync(store.Sqlite, ct, store.Postgres);
            var request = new TrainingRequest(score, days.Value, choice.Threshold, choice.Activate, choice.Margin, choice.Force);
            var outcome = await AnsiConsole.Status().StartAsync(
                $"Training {ScoreTargets.Words(score)} over a {days}-day horizon…",
                _ => services.GetRequiredService<ModelTraining>().RunAsync(request, ct));
            TrainingReport.Print(outcome);
            AnsiConsole.MarkupLine($"Saved {score} model version {outcome.Saved.Version} ({Markup.Escape(outcome.Trained.Metrics.Chosen ?? "")}){(outcome.Saved.Active ? ", now active" : " (not active)")}.");

            var moment = asOf is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : await ImportCatchUp.HistoryEndAsync(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Automation.Storage.AutomationDbContext>>(), ct);
            var scored = 0;
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask($"scoring every profile as of {moment:yyyy-MM-dd}", maxValue: 1);
                    var progress = new Progress<(int Done, int Total)>(p => (bar.MaxValue, bar.Value) = (Math.Max(1, p.Total), p.Done));
                    scored = await services.GetRequiredService<ProfileRescoring>().RunAsync(moment, progress, ct);
                    bar.Value = bar.MaxValue;
                });
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Scored {scored:N0} profiles with the active models as of {moment:yyyy-MM-dd HH:mm} UTC, each with its top {ModelTrainer.ReasonCount} reasons."));
            AnsiConsole.WriteLine(TrainingReport.SummaryLine(outcome));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 1;
        }
    }

    [GeneratedRegex("^\\s*(\\d+)\\s*d?\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HorizonPattern();
}
