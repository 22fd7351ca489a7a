using System.CommandLine;
using System.Globalization;
using Automation.Cli.Storage;
using Automation.Engine.Events.Import;
using Spectre.Console;

namespace Automation.Cli.Import;

/// <summary>`automation import FILE --format invoices|events`: bulk history through the engine's ingestion path.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "the CSV file" };
        var format = new Option<ImportFormat>("--format") { Description = "invoices (UCI Online Retail) or events (RetailRocket)", Required = true };
        var dateFormat = new Option<string>("--date-format") { Description = "how dates are written (culture-invariant, UTC)", DefaultValueFactory = _ => ImportOptions.UciDateFormat };
        var currency = new Option<string>("--currency") { Description = "the invoices' currency", DefaultValueFactory = _ => "GBP" };
        var command = new Command("import", "Import behavior history from a CSV file; a re-import stores nothing twice")
        {
            file, format, dateFormat, currency, DatabaseOptions.Sqlite, DatabaseOptions.Postgres,
        };
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(file)!, result.GetValue(format), new ImportOptions(result.GetValue(dateFormat)!, result.GetValue(currency)!),
            result.GetValue(DatabaseOptions.Sqlite)!, result.GetValue(DatabaseOptions.Postgres), ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, ImportFormat format, ImportOptions options, string sqlite, string? postgres, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLine($"[red]no such file:[/] {Markup.Escape(file.FullName)}");
            return 1;
        }

        var importer = new EventImporter(DatabaseOptions.Ingestion(await DatabaseOptions.OpenAsync(sqlite, postgres, cancellationToken), postgres));
        await using var stream = file.OpenRead();
        using var reader = new StreamReader(stream);
        ImportReport? report = null;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"importing {Markup.Escape(file.Name)}", maxValue: Math.Max(1, stream.Length));
                var import = Task.Run(() => importer.ImportAsync(reader, format, options, null, cancellationToken), cancellationToken);
                while (!import.IsCompleted)
                {
                    task.Value = stream.Position;
                    await Task.WhenAny(import, Task.Delay(200, cancellationToken));
                }

                report = await import;
                task.Value = task.MaxValue;
            });

        AnsiConsole.Write(Summary(report!));
        return 0;
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
