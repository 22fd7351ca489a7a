using System.Text.Json;

namespace Automation.Engine.Events.Import;

/// <summary>
/// RetailRocket behavior rows → product_view, add_to_cart and purchase events (value 0: the data set has no prices),
/// the id derived from the row's content so a re-import stores nothing twice.
/// </summary>
public static class RetailRocketRows
{
    public static IEnumerable<ImportedEvent> Read(CsvRecordReader csv, ImportOptions options, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        while (csv.Next() is { } record)
        {
            var (line, f) = record;
            if (line == 1 && f.Count > 0 && f[0].Trim().Equals("timestamp", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            report.RowsRead++;
            if (f.Count < 4)
            {
                report.Skip(line, "fewer than 4 columns");
                continue;
            }

            var visitor = f[1].Trim();
            var item = f[3].Trim();
            var transaction = f.Count > 4 ? f[4].Trim() : "";
            string? type = f[2].Trim() switch
            {
                "view" => EventTypes.ProductView,
                "addtocart" => EventTypes.AddToCart,
                "transaction" => EventTypes.Purchase,
                _ => null,
            };
            if (visitor.Length == 0)
            {
                report.Skip(line, "no visitor id");
            }
            else if (type is null)
            {
                report.Skip(line, "unknown event (expected view, addtocart or transaction)");
            }
            else if (!ImportDates.TryParseMilliseconds(f[0], out var at) && !ImportDates.TryParse(f[0], options.DateFormat, out at))
            {
                report.Skip(line, $"unreadable timestamp (expected milliseconds or {ImportDates.Describe(options.DateFormat)})");
            }
            else
            {
                yield return new ImportedEvent(line, new IncomingEvent(
                    $"rr-{f[0].Trim()}-{visitor}-{f[2].Trim()}-{item}",
                    visitor,
                    type,
                    ImportDates.Iso(at),
                    type == EventTypes.Purchase ? JsonSerializer.SerializeToElement(0) : null,
                    JsonSerializer.SerializeToElement(new { itemId = item, transactionId = transaction.Length > 0 ? transaction : null })));
            }
        }
    }
}
