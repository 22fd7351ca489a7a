namespace Automation.Engine.Events.Import;

/// <summary>How to read a file: the date format (parsed culture-invariantly, as UTC) and the invoices' currency.</summary>
public sealed record ImportOptions(string DateFormat = ImportOptions.UciDateFormat, string Currency = "GBP")
{
    /// <summary>The UCI Online Retail layout, e.g. 12/1/2010 8:26.</summary>
    public const string UciDateFormat = "M/d/yyyy H:mm";
}
