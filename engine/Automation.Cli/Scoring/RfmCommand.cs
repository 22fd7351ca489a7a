using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Automation.Cli.Import;
using Automation.Cli.Storage;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Cli.Scoring;

/// <summary>`automation rfm`: recompute the RFM boundaries, every customer's scores and named segment now.</summary>
public static class RfmCommand
{
    public static Command Create()
    {
        var asOf = new Option<DateTime?>("--as-of") { Description = "the moment recency is measured from (default: the history's last event)" };
        var command = new Command("rfm", "Recompute RFM quintile boundaries, scores and named segments for every customer, as of the history's end")
        {
            asOf, DatabaseOptions.Sqlite, DatabaseOptions.Postgres,
        };
        command.SetAction((result, ct) => RunAsync(result.GetValue(asOf), result.GetValue(DatabaseOptions.Sqlite)!, result.GetValue(DatabaseOptions.Postgres), ct));
        return command;
    }

    private static async Task<int> RunAsync(DateTime? asOf, string sqlite, string? postgres, CancellationToken cancellationToken)
    {
        var databases = await DatabaseOptions.OpenAsync(sqlite, postgres, cancellationToken);
        var moment = asOf is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : await ImportCatchUp.HistoryEndAsync(databases, cancellationToken);
        AnsiConsole.MarkupLine($"as of {moment:yyyy-MM-dd HH:mm} UTC ({(asOf is null ? "the history's last event; --as-of to choose" : "--as-of")})");
        var watch = Stopwatch.StartNew();
        RfmBoundaries? boundaries = null;
        await AnsiConsole.Status().StartAsync("scoring every customer…", async _ => boundaries = await new RfmScorer(databases, new AsOfClock(moment)).RefreshAsync(cancellationToken));
        var elapsed = watch.Elapsed;

        var cuts = new Table().AddColumns("score", "cut points (20/40/60/80 %)");
        cuts.AddRow("recency (days since last purchase, as of)", Join(boundaries!.Recency));
        cuts.AddRow("frequency (purchases)", Join(boundaries.Frequency));
        cuts.AddRow("monetary (total spent)", Join(boundaries.Monetary));
        AnsiConsole.Write(cuts);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sizes = await db.Profiles.AsNoTracking().GroupBy(p => p.RfmSegment).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? "", g => g.Count, cancellationToken);
        var segments = new Table().AddColumns("segment", "customers");
        foreach (var name in RfmSegments.All)
        {
            segments.AddRow(Markup.Escape(name), sizes.GetValueOrDefault(name).ToString("N0", CultureInfo.InvariantCulture));
        }

        segments.AddRow("(never bought)", sizes.GetValueOrDefault("").ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(segments);
        if (sizes.Values.Sum() == 0)
        {
            AnsiConsole.MarkupLine("[red]no profiles to score: import history with `automation import FILE` (it builds them), or run the host to process stored events[/]");
            return 1;
        }

        AnsiConsole.MarkupLine($"scored {sizes.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)} customers in {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        return 0;
    }

    private static string Join(double[] values) => string.Join(" / ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));
}
