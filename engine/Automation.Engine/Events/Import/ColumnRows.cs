using System.Globalization;
using System.Text.Json;

namespace Automation.Engine.Events.Import;

/// <summary>
/// Rows of a shop's own export, read through a <see cref="ColumnMapping"/>: one event per row, a purchase unless a
/// type column says otherwise. The id is the id column's, or the customer, time and value with a count of identical
/// rows before it, so a re-import stores nothing twice and two equal purchases on one day stay two.
/// </summary>
public static class ColumnRows
{
    public static IEnumerable<ImportedEvent> Read(CsvRecordReader csv, ImportOptions options, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var mapping = options.Columns ?? throw new ArgumentException("the columns format needs a column mapping", nameof(options));
        if (csv.Next() is not { } header)
        {
            yield break;
        }

        var at = mapping.Resolve(header.Fields);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Next() is { } record)
        {
            var (line, f) = record;
            report.RowsRead++;
            if (f.Count < at.Needed)
            {
                report.Skip(line, $"fewer than {at.Needed} columns");
                continue;
            }

            var customer = f[at.Customer].Trim();
            var time = f[at.Time].Trim();
            var value = at.Value >= 0 ? f[at.Value].Trim() : "";
            decimal amount = 0;
            if (customer.Length == 0)
            {
                report.Skip(line, "no customer id");
            }
            else if (!ImportDates.TryParse(time, options.DateFormat, out var when))
            {
                report.Skip(line, $"unreadable date (expected {ImportDates.Describe(options.DateFormat)})");
            }
            else if (value.Length > 0 && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            {
                report.Skip(line, "unreadable value");
            }
            else
            {
                var type = at.Type >= 0 ? f[at.Type].Trim() : EventTypes.Purchase;
                var key = $"{customer}-{time}-{value}-{type}";
                seen[key] = seen.GetValueOrDefault(key) + 1;
                var id = at.Id >= 0 ? f[at.Id].Trim() : $"row-{key}-{seen[key]}";
                yield return new ImportedEvent(line, new IncomingEvent(
                    id,
                    customer,
                    type,
                    ImportDates.Iso(when),
                    value.Length > 0 ? JsonSerializer.SerializeToElement(amount) : null,
                    null));
            }
        }
    }
}
