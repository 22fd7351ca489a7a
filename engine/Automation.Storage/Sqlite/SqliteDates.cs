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

    /// <summary>
    /// Reads the stored layout (<see cref="Format"/>: "yyyy-MM-dd HH:mm:ss" and up to seven fraction digits) straight
    /// from its UTF-8 bytes, unspecified in kind as the general parser reads it; false for any other text, which the
    /// caller gives to that parser. The general parser took about a microsecond per date, on every profile read.
    /// </summary>
    public static bool TryParseStored(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        long fraction = 0;
        if (text.Length > 19)
        {
            var digits = text.Length - 20;
            if (text[19] != '.' || digits is < 1 or > 7 || !Digits(text, 20, digits, out var parsed))
            {
                return false;
            }

            fraction = parsed;
            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
