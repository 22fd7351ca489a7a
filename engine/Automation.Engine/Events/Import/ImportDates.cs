using System.Globalization;

namespace Automation.Engine.Events.Import;

/// <summary>Dates in import files: the stated format, culture-invariant, taken as UTC; or Unix milliseconds.</summary>
public static class ImportDates
{
    public static bool TryParse(string text, string format, out DateTime utc) =>
        DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

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

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
