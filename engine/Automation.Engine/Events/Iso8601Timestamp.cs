namespace Automation.Engine.Events;

/// <summary>
/// Strict ISO 8601 as events carry it: <c>yyyy-MM-ddTHH:mm[:ss[.f{1,7}]]</c> then <c>Z</c> or an offset
/// (<c>+hh:mm</c> or <c>+hhmm</c>), ASCII digits only. Read by hand: a pattern match followed by
/// DateTimeOffset.TryParse cost about a microsecond an event, and the validator reads each timestamp several times.
/// </summary>
public static class Iso8601Timestamp
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (text is null || text.Length < 17)
        {
            return false;
        }

        var s = text.AsSpan();
        if (!Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || s[10] != 'T' || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute))
        {
            return false;
        }

        var i = 16;
        var second = 0;
        long fraction = 0;
        if (s[i] == ':')
        {
            if (!Digits(s, 17, 2, out second))
            {
                return false;
            }

            i = 19;
            if (i < s.Length && s[i] == '.')
            {
                var start = ++i;
                while (i < s.Length && i - start < 7 && IsDigit(s[i]))
                {
                    fraction = (fraction * 10) + (s[i++] - '0');
                }

                if (i == start)
                {
                    return false;
                }

                for (var scale = i - start; scale < 7; scale++)
                {
                    fraction *= 10;
                }
            }
        }

        if (!TryZone(s, i, out var offset)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        at = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>'Z', or ±hh[:]mm within ±14:00, ending the text.</summary>
    private static bool TryZone(ReadOnlySpan<char> s, int i, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] == 'Z')
        {
            return i + 1 == s.Length;
        }

        if (s[i] is not ('+' or '-') || !Digits(s, i + 1, 2, out var hours))
        {
            return false;
        }

        var at = i + 3;
        if (at < s.Length && s[at] == ':')
        {
            at++;
        }

        if (!Digits(s, at, 2, out var minutes) || at + 2 != s.Length || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (offset > MaxOffset)
        {
            return false;
        }

        offset = s[i] == '-' ? -offset : offset;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
