using System.Text.Json;
using Automation.Engine.Messaging;

namespace Automation.Engine.Profiles;

/// <summary>
/// Per-day event counters, keyed by day number since the epoch. Adding is commutative, so late and
/// out-of-order events end in the same counts as in-order ones.
/// </summary>
public sealed class DailyCounts
{
    public const int KeptDays = 35;
    private static readonly int Width = Enum.GetValues<Counter>().Length;

    // Day numbers ascending, each with its counters: a handful of days per customer, so a sorted list searched by
    // halving is cheaper to add to, sum over and prune than a tree.
    private readonly List<int> days;
    private readonly List<int[]> rows;

    private DailyCounts(List<int> days, List<int[]> rows)
    {
        this.days = days;
        this.rows = rows;
    }

    public static DailyCounts Parse(string? json)
    {
        var counts = new DailyCounts([], []);
        if (!string.IsNullOrEmpty(json) && json != "{}")
        {
            foreach (var (key, values) in JsonSerializer.Deserialize<Dictionary<int, int[]>>(json) ?? [])
            {
                var row = counts.RowOf(key);
                Array.Copy(values, row, Math.Min(values.Length, Width));
            }
        }

        return counts;
    }

    public static int DayOf(DateTime utc) => (int)(utc.Ticks / TimeSpan.TicksPerDay);

    public void Add(DateTime utc, Counter counter) => RowOf(DayOf(utc))[(int)counter]++;

    /// <summary>Events of one counter in the <paramref name="windowDays"/> days ending with today.</summary>
    public int Sum(Counter counter, DateTime nowUtc, int windowDays)
    {
        var today = DayOf(nowUtc);
        var total = 0;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] > today - windowDays && days[i] <= today)
            {
                total += rows[i][(int)counter];
            }
        }

        return total;
    }

    /// <summary>How many counters a day has (the length <see cref="Windows"/> fills).</summary>
    public static int Counters => Width;

    /// <summary>
    /// Every counter summed over the 7 and the 30 days ending with today, in one pass, into the caller's spans (indexed
    /// by <see cref="Counter"/>, zeroed by the caller): called once per customer per batch, so it allocates nothing.
    /// </summary>
    public void Windows(DateTime nowUtc, Span<int> week, Span<int> month)
    {
        var today = DayOf(nowUtc);
        for (var i = days.Count - 1; i >= 0 && days[i] > today - 30; i--)
        {
            if (days[i] > today)
            {
                continue;
            }

            var row = rows[i];
            var inWeek = days[i] > today - 7;
            for (var c = 0; c < Width; c++)
            {
                month[c] += row[c];
                if (inWeek)
                {
                    week[c] += row[c];
                }
            }
        }
    }

    /// <summary>Drops days too old to count in any window.</summary>
    public void Prune(DateTime nowUtc)
    {
        var oldest = DayOf(nowUtc) - KeptDays;
        var old = 0;
        while (old < days.Count && days[old] < oldest)
        {
            old++;
        }

        if (old > 0)
        {
            days.RemoveRange(0, old);
            rows.RemoveRange(0, old);
        }
    }

    /// <summary>
    /// The days as JSON, each row without its trailing zero counters (<see cref="Parse"/> pads them back): most days
    /// count one or two kinds of event, and a profile's row is written on every flush.
    /// </summary>
    public string ToJson() => StateJson.Write(this, static (json, counts) =>
    {
        json.WriteStartObject();
        for (var d = 0; d < counts.days.Count; d++)
        {
            var (day, row) = (counts.days[d], counts.rows[d]);
            var length = row.Length;
            while (length > 0 && row[length - 1] == 0)
            {
                length--;
            }

            json.WriteStartArray(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < length; i++)
            {
                json.WriteNumberValue(row[i]);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    });

    private int[] RowOf(int day)
    {
        var at = days.BinarySearch(day);
        if (at >= 0)
        {
            return rows[at];
        }

        var row = new int[Width];
        days.Insert(~at, day);
        rows.Insert(~at, row);
        return row;
    }
}
