using System.Globalization;
using Automation.Cli.Storage;
using Automation.Cli.Workflows;
using Automation.Engine.Processing;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Automation.Cli.Import;

/// <summary>
/// The second half of an import: the engine composed over the same database, its clock at the as-of moment, folds
/// the new events into profiles, refreshes RFM and sweeps the segments, each stage with its own progress bar.
/// </summary>
public static class ImportCatchUp
{
    public static async Task<int> RunAsync(DateTime? asOf, string sqlite, string? postgres, CancellationToken cancellationToken)
    {
        var databases = await DatabaseOptions.OpenAsync(sqlite, postgres, cancellationToken);
        var moment = asOf is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : await HistoryEndAsync(databases, cancellationToken);
        AnsiConsole.MarkupLine($"as of {moment:yyyy-MM-dd HH:mm} UTC ({(asOf is null ? "the history's last event; --as-of to choose" : "--as-of")})");
        var postgresGiven = postgres is { Length: > 0 };
        using var engine = EngineOnDatabase.Build(postgresGiven ? "Postgres" : "Sqlite", postgresGiven ? null : Path.GetFullPath(sqlite), postgres, null, new AsOfClock(moment));
        var catchUp = ActivatorUtilities.CreateInstance<HistoryCatchUp>(engine.Services);
        HistoryCatchUpResult? result = null;
        try
        {
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    var progress = new Progress<(string Stage, long Done, long Total)>(p =>
                    {
                        if (!bars.TryGetValue(p.Stage, out var bar))
                        {
                            bars[p.Stage] = bar = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        }

                        bar.MaxValue = Math.Max(1, p.Total);
                        bar.Value = p.Done;
                    });
                    result = await catchUp.RunAsync(progress, cancellationToken);
                });
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException)
        {
            AnsiConsole.MarkupLine($"[red]the events are stored, but building profiles failed: {Markup.Escape(ex.Message)}[/]");
            return 1;
        }

        await PrintAsync(databases, result!, cancellationToken);
        return 0;
    }

    /// <summary>The newest stored event: a history is measured from its own end, not from today.</summary>
    public static async Task<DateTime> HistoryEndAsync(IDbContextFactory<AutomationDbContext> databases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var newest = await db.Events.AsNoTracking().MaxAsync(e => (DateTime?)e.Timestamp, cancellationToken);
        return DateTime.SpecifyKind(newest ?? DateTime.UtcNow, DateTimeKind.Utc);
    }

    private static async Task PrintAsync(IDbContextFactory<AutomationDbContext> databases, HistoryCatchUpResult result, CancellationToken cancellationToken)
    {
        var cuts = new Table().AddColumns("RFM", "cut points (20/40/60/80 %)");
        cuts.AddRow("recency (days since last purchase, as of)", Join(result.Rfm.Recency));
        cuts.AddRow("frequency (purchases)", Join(result.Rfm.Frequency));
        cuts.AddRow("monetary (total spent)", Join(result.Rfm.Monetary));
        AnsiConsole.Write(cuts);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sizes = await db.SegmentMemberships.AsNoTracking().GroupBy(m => m.SegmentKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var segments = new Table().AddColumns("segment", "members");
        foreach (var size in sizes.OrderByDescending(s => s.Count))
        {
            segments.AddRow(Markup.Escape(size.Key), size.Count.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(segments);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{result.Profiles:N0} profiles from {result.EventsFolded:N0} events; {result.Memberships:N0} segment memberships; {result.Scored:N0} profiles scored by a model{(result.Scored == 0 ? " (no active model: `automation train churn --horizon 90d` learns one)" : "")}"));
    }

    private static string Join(double[] values) => string.Join(" / ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));
}
