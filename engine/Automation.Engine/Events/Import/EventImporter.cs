namespace Automation.Engine.Events.Import;

/// <summary>
/// Bulk import through the engine's own ingestion path (same validation, idempotent ids, durable append): each
/// event is checked alone first, so a bad row is skipped with its line number instead of refusing a whole batch.
/// </summary>
public sealed class EventImporter(EventIngestion ingestion)
{
    public const int BatchSize = 5_000;

    public async Task<ImportReport> ImportAsync(TextReader reader, ImportFormat format, ImportOptions options, Action<ImportReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = new ImportReport();
        var csv = new CsvRecordReader(reader, options.Delimiter);
        var events = format switch
        {
            ImportFormat.Invoices => InvoiceRows.Read(csv, options, report),
            ImportFormat.Events => RetailRocketRows.Read(csv, options, report),
            _ => ColumnRows.Read(csv, options, report),
        };
        var batch = new List<IncomingEvent?>(BatchSize);
        foreach (var imported in events)
        {
            var e = imported.Event;
            if (ingestion.Validate([e]) is { Count: > 0 } errors)
            {
                report.Skip(imported.Line, string.Join("; ", errors.Select(x => $"{x.Field}: {x.Reason}")));
                continue;
            }

            report.Customer(e.CustomerId!);
            var amount = e.Value?.GetDecimal() ?? 0;
            if (e.Type == EventTypes.Refund)
            {
                report.Refunded += amount;
            }
            else
            {
                report.Revenue += amount;
            }

            batch.Add(e);
            if (batch.Count == BatchSize)
            {
                await StoreAsync(batch, report, cancellationToken);
                progress?.Invoke(report);
            }
        }

        if (batch.Count > 0)
        {
            await StoreAsync(batch, report, cancellationToken);
        }

        report.Elapsed = started.Elapsed;
        progress?.Invoke(report);
        return report;
    }

    private async Task StoreAsync(List<IncomingEvent?> batch, ImportReport report, CancellationToken cancellationToken)
    {
        var result = await ingestion.IngestAsync(batch, cancellationToken);
        if (result.Rejected)
        {
            // Every event was validated alone above; a refusal here is a bug, not bad input.
            throw new InvalidOperationException("a pre-validated import batch was refused: " + result.Errors[0].Reason);
        }

        report.EventsStored += result.Accepted;
        report.Duplicates += result.Duplicates;
        batch.Clear();
    }
}
