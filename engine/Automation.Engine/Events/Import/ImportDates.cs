using System.Globalization;

namespace Automation.Engine.Events.Import;

/// <summary>Dates in import files: the stated format (or ISO 8601), culture-invariant, taken as UTC; or Unix milliseconds.</summary>
public static class ImportDates
{
    /// <summary>The --date-format word for ISO 8601 (2010-12-01 08:26:00, 2010-12-01T08:26:00Z, with or without zone).</summary>
    public const string Iso8601 = "iso";

    // ISO 8601 as shops export it: a space or T, seconds and fractions optional, a zone (Z, +01:00) optional.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK", "yyyy-MM-ddK",
    ];

    public static bool TryParse(string text, string format, out DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(text);
        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        return format == Iso8601
            ? DateTime.TryParseExact(text.Trim(), IsoFormats, CultureInfo.InvariantCulture, styles, out utc)
            : DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, styles, out utc);
    }

    public static bool TryParseMilliseconds(string text, out DateTime utc)
    {
        utc = default;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 253_402_300_799_999)
        {
            return false;
        }

        utc = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return true;
    }

    /// <summary>How a format is named to a person: "ISO 8601" for <see cref="Iso8601"/>, else the pattern itself.</summary>
    public static string Describe(string format) => format == Iso8601 ? "ISO 8601" : format;

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
