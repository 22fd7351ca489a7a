using System.CommandLine;
using System.Globalization;
using Automation.Cli.Storage;
using Automation.Engine.Events.Import;
using Spectre.Console;

namespace Automation.Cli.Import;

/// <summary>
/// `automation import FILE --format invoices|events|columns`: bulk history through the engine's ingestion path, then
/// profiles, RFM, segment memberships and (with active models) scores as of the history's end, in one go.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "the file (CSV, or any delimiter with --columns)" };
        var format = new Option<ImportFormat?>("--format") { Description = "invoices (UCI Online Retail), events (RetailRocket) or columns (any export, with --columns)" };
        var columns = new Option<string?>("--columns") { Description = "which header column holds what, e.g. customer=customer_id,time=date,value=dollar_value (type=, id= optional)" };
        var dateFormat = new Option<string?>("--date-format") { Description = "how dates are written (culture-invariant, UTC; \"iso\" for ISO 8601); detected when not given" };
        var currency = new Option<string>("--currency") { Description = "the invoices' currency", DefaultValueFactory = _ => "GBP" };
        var maxSkipped = new Option<double>("--max-skipped") { Description = "share of rows that may be skipped before the import counts as failed (0–1)", DefaultValueFactory = _ => 0.5 };
        var asOf = new Option<DateTime?>("--as-of") { Description = "the moment recency and features are measured from (default: the history's last event)" };
        var eventsOnly = new Option<bool>("--events-only") { Description = "store the events only; profiles, RFM and segments follow when the host runs" };
        var command = new Command("import", "Import behavior history from a file, then build profiles, RFM, segments and scores as of its end; a re-import stores nothing twice")
        {
            file, format, columns, dateFormat, currency, maxSkipped, asOf, eventsOnly, DatabaseOptions.Sqlite, DatabaseOptions.Postgres,
        };
        command.SetAction((result, ct) => RunAsync(
            new ImportRequest(
                result.GetValue(file)!,
                result.GetValue(format),
                result.GetValue(columns),
                result.GetValue(dateFormat),
                result.GetValue(currency)!,
                result.GetValue(maxSkipped),
                result.GetValue(asOf),
                !result.GetValue(eventsOnly)),
            result.GetValue(DatabaseOptions.Sqlite)!,
            result.GetValue(DatabaseOptions.Postgres),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(ImportRequest request, string sqlite, string? postgres, CancellationToken cancellationToken)
    {
        if (!request.File.Exists)
        {
            AnsiConsole.MarkupLine($"[red]no such file:[/] {Markup.Escape(request.File.FullName)}");
            return 1;
        }

        var (format, options, problem) = Settle(request);
        if (problem is not null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(request.File.Name)}:[/] {Markup.Escape(problem)}");
            return 2;
        }

        var databases = await DatabaseOptions.OpenAsync(sqlite, postgres, cancellationToken);
        var importer = new EventImporter(DatabaseOptions.Ingestion(databases, postgres));
        await using var stream = request.File.OpenRead();
        using var reader = new StreamReader(stream);
        ImportReport? report = null;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"importing {Markup.Escape(request.File.Name)}", maxValue: Math.Max(1, stream.Length));
                var import = Task.Run(() => importer.ImportAsync(reader, format, options!, null, cancellationToken), cancellationToken);
                while (!import.IsCompleted)
                {
                    task.Value = stream.Position;
                    await Task.WhenAny(import, Task.Delay(200, cancellationToken));
                }

                report = await import;
                task.Value = task.MaxValue;
            });

        AnsiConsole.MarkupLine($"dates read as {Markup.Escape(ImportDates.Describe(options!.DateFormat))}{(format == ImportFormat.Columns ? $", fields separated by {Markup.Escape(options.Delimiter?.ToString() ?? "','")}" : "")}");
        AnsiConsole.Write(Summary(report!));
        if (ImportVerdict.Failure(report!, request.MaxSkipped) is { } failure)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failure)}[/]");
            return 1;
        }

        return request.BuildProfiles ? await ImportCatchUp.RunAsync(request.AsOf, sqlite, postgres, cancellationToken) : 0;
    }

    /// <summary>The layout and options to read the file with: the mapping parsed, the delimiter and date format detected where not given.</summary>
    private static (ImportFormat Format, ImportOptions? Options, string? Problem) Settle(ImportRequest request)
    {
        var format = request.Format ?? (request.Columns is null ? ImportFormat.Invoices : ImportFormat.Columns);
        ColumnMapping? mapping = null;
        if (format == ImportFormat.Columns || request.Columns is not null)
        {
            (mapping, var problem) = ColumnMapping.Parse(request.Columns ?? "");
            if (problem is not null)
            {
                return (format, null, "--columns: " + problem);
            }
        }

        try
        {
            using var sample = new StreamReader(request.File.FullName);
            var given = new ImportOptions(request.DateFormat ?? ImportOptions.UciDateFormat, request.Currency, mapping);
            return (format, ImportSample.Settle(sample, format, given, detectDates: request.DateFormat is null), null);
        }
        catch (InvalidDataException ex)
        {
            return (format, null, ex.Message);
        }
    }

    public static Table Summary(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().AddColumns("import", "");
        table.AddRow("rows read", N(report.RowsRead));
        table.AddRow("events stored", N(report.EventsStored));
        table.AddRow("already stored (re-import)", N(report.Duplicates));
        table.AddRow("rows skipped", N(report.SkippedRows));
        foreach (var (reason, lines) in report.Skipped)
        {
            var shown = string.Join(", ", lines.Take(10).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 10 ? $", … ({lines.Count - 10} more)" : "");
            table.AddRow(Markup.Escape($"  {reason}: {lines.Count}"), Markup.Escape($"lines {shown}"));
        }

        table.AddRow("customers", N(report.Customers));
        table.AddRow("total revenue", report.Revenue.ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("refunded", report.Refunded.ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("elapsed", report.Elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
