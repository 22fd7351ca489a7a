using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Automation.Cli.Storage;
using Automation.Engine.Scoring;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Cli.Scoring;

/// <summary>`automation rfm`: recompute the RFM boundaries, every customer's scores and named segment now.</summary>
public static class RfmCommand
{
    public static Command Create()
    {
        var command = new Command("rfm", "Recompute RFM quintile boundaries, scores and named segments for every customer now")
        {
            DatabaseOptions.Sqlite, DatabaseOptions.Postgres,
        };
        command.SetAction((result, ct) => RunAsync(result.GetValue(DatabaseOptions.Sqlite)!, result.GetValue(DatabaseOptions.Postgres), ct));
        return command;
    }

    private static async Task<int> RunAsync(string sqlite, string? postgres, CancellationToken cancellationToken)
    {
        var databases = await DatabaseOptions.OpenAsync(sqlite, postgres, cancellationToken);
        var watch = Stopwatch.StartNew();
        RfmBoundaries? boundaries = null;
        await AnsiConsole.Status().StartAsync("scoring every customer…", async _ => boundaries = await new RfmScorer(databases, TimeProvider.System).RefreshAsync(cancellationToken));
        var elapsed = watch.Elapsed;

        var cuts = new Table().AddColumns("score", "cut points (20/40/60/80 %)");
        cuts.AddRow("recency (days since last purchase)", Join(boundaries!.Recency));
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
        AnsiConsole.MarkupLine($"scored {sizes.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)} customers in {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        return 0;
    }

    private static string Join(double[] values) => string.Join(" / ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));
}
