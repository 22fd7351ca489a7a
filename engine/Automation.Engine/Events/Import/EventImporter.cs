using System.Runtime.ExceptionServices;
using System.Threading.Channels;

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
        // Rows are read and checked while the batch before is stored: on two cores the parse no longer waits for the
        // append, nor the append for the parse. One reader stores the batches in file order, as before.
        var checkedBatches = Channel.CreateBounded<List<IncomingEvent>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var storing = Task.Run(() => StoreAllAsync(checkedBatches.Reader, report, stop), CancellationToken.None);
        Exception? failed = null;
        try
        {
            var batch = new List<ImportedEvent>(BatchSize);
            foreach (var imported in events)
            {
                batch.Add(imported);
                if (batch.Count == BatchSize)
                {
                    await checkedBatches.Writer.WriteAsync(Check(batch, report), stop.Token);
                    progress?.Invoke(report);
                }
            }

            if (batch.Count > 0)
            {
                await checkedBatches.Writer.WriteAsync(Check(batch, report), stop.Token);
            }
        }
        catch (Exception ex)
        {
            failed = ex;
        }

        checkedBatches.Writer.TryComplete();
        await storing; // a failed store stopped the reading: its own error is the one thrown
        if (failed is not null)
        {
            ExceptionDispatchInfo.Throw(failed);
        }

        report.Elapsed = started.Elapsed;
        progress?.Invoke(report);
        return report;
    }

    private async Task StoreAllAsync(ChannelReader<List<IncomingEvent>> checkedBatches, ImportReport report, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var valid in checkedBatches.ReadAllAsync(stop.Token))
            {
                if (valid.Count == 0)
                {
                    continue;
                }

                var result = await ingestion.IngestValidatedAsync(valid, stop.Token);
                report.EventsStored += result.Accepted;
                report.Duplicates += result.Duplicates;
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>
    /// Checks the batch's rows (one validation pass over both cores), skips the bad ones with their line numbers, and
    /// returns the rest, to be stored without checking them again; the batch is emptied for the next rows.
    /// </summary>
    private List<IncomingEvent> Check(List<ImportedEvent> batch, ImportReport report)
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
        return valid;
    }
}
