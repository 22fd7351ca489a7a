using System.CommandLine;
using System.Globalization;
using Automation.Cli.Import;
using Automation.Cli.Storage;
using Automation.Engine.Profiles;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Automation.Engine.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Automation.Cli.Discovery;

/// <summary>`automation discover --k 2..10`: k-means over all profiles for each k, the proposed k, its clusters in words.</summary>
public static class DiscoverCommand
{
    public static Command Create()
    {
        var range = new Option<string>("--k") { Description = "a number of clusters or a range, e.g. 2..10", DefaultValueFactory = _ => "2..10" };
        var sqlite = new Option<string?>("--sqlite") { Description = "the engine's SQLite file (default: Automation__* settings)" };
        var asOf = new Option<DateTime?>("--as-of") { Description = "the moment features are measured from (default: the history's last event)" };
        var command = new Command("discover", "Find customer groups by k-means: silhouette and Davies-Bouldin per k, the best k, each cluster in words") { range, sqlite, asOf };
        command.SetAction((result, ct) => RunAsync(result.GetValue(range)!, result.GetValue(sqlite), result.GetValue(asOf), ct));
        return command;
    }

    /// <summary>"2..10" → (2, 10); "4" → (4, 4).</summary>
    public static (int Min, int Max)? Range(string text)
    {
        var parts = (text ?? "").Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var min))
        {
            return null;
        }

        var max = min;
        if (parts.Length == 2 && !int.TryParse(parts[1], CultureInfo.InvariantCulture, out max))
        {
            return null;
        }

        return min >= 2 && max <= 20 && min <= max ? (min, max) : null;
    }

    private static async Task<int> RunAsync(string k, string? sqlite, DateTime? asOf, CancellationToken ct)
    {
        if (Range(k) is not var (min, max))
        {
            AnsiConsole.MarkupLine("[red]--k:[/] give a number of clusters from 2 to 20 or a range such as 2..10");
            return 2;
        }

        try
        {
            await using var services = await CliServices.CreateAsync(sqlite, ct);
            var moment = asOf is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : await ImportCatchUp.HistoryEndAsync(services.GetRequiredService<IDbContextFactory<AutomationDbContext>>(), ct);
            AnsiConsole.MarkupLine($"as of {moment:yyyy-MM-dd HH:mm} UTC ({(asOf is null ? "the history's last event; --as-of to choose" : "--as-of")}); day counts in the expressions are measured from it");
            var clustering = ActivatorUtilities.CreateInstance<CustomerClustering>(services, new AsOfClock(moment));
            var sweep = await AnsiConsole.Status().StartAsync("Clustering customers…", _ => clustering.SweepAsync(min, max, ct));
            var table = new Table().AddColumns("k", "silhouette (higher is better)", "Davies-Bouldin (lower is better)", "");
            foreach (var run in sweep.Runs)
            {
                table.AddRow(run.K.ToString(CultureInfo.InvariantCulture), F(run.Silhouette), F(run.DaviesBouldin), run.K == sweep.ProposedK ? "proposed" : "");
            }

            AnsiConsole.Write(table);
            var proposed = sweep.Proposed;
            AnsiConsole.MarkupLine($"Proposed k = {proposed.K} over {proposed.Customers} customers:");
            var clusters = new Table().AddColumns("cluster", "customers", "what sets it apart", "segment expression");
            foreach (var c in proposed.Clusters)
            {
                clusters.AddRow(c.Id.ToString(CultureInfo.InvariantCulture), c.Size.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Description), Markup.Escape(c.Expression));
            }

            AnsiConsole.Write(clusters);
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 1;
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
