namespace Automation.Engine.Events.Import;

/// <summary>
/// How to read a file: the date format (parsed culture-invariantly, as UTC; <see cref="ImportDates.Iso8601"/> for ISO
/// 8601), the invoices' currency, and for <see cref="ImportFormat.Columns"/> which column holds what and how fields
/// are separated.
/// </summary>
public sealed record ImportOptions(string DateFormat = ImportOptions.UciDateFormat, string Currency = "GBP", ColumnMapping? Columns = null, Delimiter? Delimiter = null)
{
    /// <summary>The UCI Online Retail layout, e.g. 12/1/2010 8:26.</summary>
    public const string UciDateFormat = "M/d/yyyy H:mm";
}
