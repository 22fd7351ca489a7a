using System.Globalization;

namespace Automation.Storage.Sqlite;

/// <summary>
/// The text a DateTime is stored as in the SQLite file (EF Core's and Microsoft.Data.Sqlite's format), for the few
/// places that read or write rows without EF Core: they must write and read exactly what EF Core does.
/// </summary>
public static class SqliteDates
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static string Text(DateTime utc) => utc.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>A stored date, read back as UTC.</summary>
    public static DateTime Parse(string text) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, Utc, out var at) ? at : DateTime.Parse(text, CultureInfo.InvariantCulture, Utc);
}
