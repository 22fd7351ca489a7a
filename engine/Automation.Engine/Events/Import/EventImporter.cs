namespace Automation.Engine.Events.Import;

/// <summary>
/// Bulk import through the engine's own ingestion path (same validation, idempotent ids, durable append): each
/// row is checked first, so a bad one is skipped with its line number instead of refusing a whole batch.
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
        var batch = new List<ImportedEvent>(BatchSize);
        foreach (var imported in events)
        {
            batch.Add(imported);
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

    /// <summary>
    /// Checks the batch's rows (one validation pass over both cores), skips the bad ones with their line numbers, and
    /// stores the rest without checking them again.
    /// </summary>
    private async Task StoreAsync(List<ImportedEvent> batch, ImportReport report, CancellationToken cancellationToken)
    {
        var errors = ingestion.Validate([.. batch.Select(b => (IncomingEvent?)b.Event)]).ToLookup(x => x.Index);
        var valid = new List<IncomingEvent>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i].Event;
            if (errors.Contains(i))
            {
                report.Skip(batch[i].Line, string.Join("; ", errors[i].Select(x => $"{x.Field}: {x.Reason}")));
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

            valid.Add(e);
        }

        batch.Clear();
        if (valid.Count == 0)
        {
            return;
        }

        var result = await ingestion.IngestValidatedAsync(valid, cancellationToken);
        report.EventsStored += result.Accepted;
        report.Duplicates += result.Duplicates;
    }
}
