using System.Globalization;
using System.Text.Json;

namespace Automation.Engine.Events.Import;

/// <summary>
/// UCI Online Retail invoice lines → one purchase per invoice (a refund when the invoice number starts with C), the
/// id derived from the invoice number so a re-import stores nothing twice. Lines without a customer, with a quantity
/// or price that is not positive, or that cannot be read are skipped and counted by reason.
/// </summary>
public static class InvoiceRows
{
    private const int MaxItemsJson = 12 * 1024;

    public static IEnumerable<ImportedEvent> Read(CsvRecordReader csv, ImportOptions options, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var invoices = new Dictionary<string, Invoice>(StringComparer.Ordinal);
        var order = new List<Invoice>();
        while (csv.Next() is { } record)
        {
            var (line, f) = record;
            if (line == 1 && f.Count > 0 && f[0].Trim().Equals("InvoiceNo", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            report.RowsRead++;
            if (Problem(f, options, out var row) is { } reason)
            {
                report.Skip(line, reason);
                continue;
            }

            if (!invoices.TryGetValue(row.InvoiceNo, out var invoice))
            {
                invoices[row.InvoiceNo] = invoice = new Invoice(line, row.InvoiceNo, row.CustomerId, row.At, row.Country);
                order.Add(invoice);
            }

            invoice.Lines.Add(row);
        }

        return order.Select(i => i.ToEvent(options.Currency));
    }

    private static string? Problem(List<string> f, ImportOptions options, out Row row)
    {
        row = default;
        if (f.Count < 8)
        {
            return "fewer than 8 columns";
        }

        var invoiceNo = f[0].Trim();
        var customer = f[6].Trim();
        if (customer.EndsWith(".0", StringComparison.Ordinal))
        {
            customer = customer[..^2]; // spreadsheet exports write the id as a number
        }

        if (invoiceNo.Length == 0)
        {
            return "no invoice number";
        }

        if (customer.Length == 0)
        {
            return "no customer id";
        }

        if (!int.TryParse(f[3].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
        {
            return "unreadable quantity";
        }

        if (!decimal.TryParse(f[5].Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
        {
            return "unreadable unit price";
        }

        if (!ImportDates.TryParse(f[4], options.DateFormat, out var at))
        {
            return $"unreadable date (expected {ImportDates.Describe(options.DateFormat)})";
        }

        // A refund invoice lists the returned quantities as negative numbers.
        var refund = invoiceNo.StartsWith('C');
        if (refund ? quantity == 0 : quantity <= 0)
        {
            return "non-positive quantity";
        }

        if (price <= 0)
        {
            return "non-positive price";
        }

        row = new Row(invoiceNo, f[1].Trim(), f[2].Trim(), Math.Abs(quantity), price, at, customer, f[7].Trim());
        return null;
    }

    private readonly record struct Row(string InvoiceNo, string StockCode, string Description, int Quantity, decimal UnitPrice, DateTime At, string CustomerId, string Country);

    private sealed record Invoice(long Line, string Number, string CustomerId, DateTime At, string Country)
    {
        public List<Row> Lines { get; } = [];

        public ImportedEvent ToEvent(string currency)
        {
            var items = new List<object>();
            var size = 0;
            foreach (var l in Lines)
            {
                // Properties are capped in size; a huge invoice keeps its first items and says how many there were.
                size += l.StockCode.Length + l.Description.Length + 60;
                if (size > MaxItemsJson)
                {
                    break;
                }

                items.Add(new { sku = l.StockCode, description = l.Description, quantity = l.Quantity, unitPrice = l.UnitPrice });
            }

            var value = Math.Round(Lines.Sum(l => l.Quantity * l.UnitPrice), 2);
            var properties = JsonSerializer.SerializeToElement(new { invoice = Number, country = Country, currency, items, itemCount = Lines.Count });
            return new ImportedEvent(Line, new IncomingEvent(
                "invoice-" + Number,
                CustomerId,
                Number.StartsWith('C') ? EventTypes.Refund : EventTypes.Purchase,
                ImportDates.Iso(At),
                JsonSerializer.SerializeToElement(value),
                properties));
        }
    }
}
