using System.Text.Json;

namespace Automation.Engine.Profiles;

/// <summary>
/// Per-day event counters, keyed by day number since the epoch. Adding is commutative, so late and
/// out-of-order events end in the same counts as in-order ones.
/// </summary>
public sealed class DailyCounts
{
    public const int KeptDays = 35;
    private static readonly int Width = Enum.GetValues<Counter>().Length;
    private readonly SortedDictionary<int, int[]> days;

    private DailyCounts(SortedDictionary<int, int[]> days) => this.days = days;

    public static DailyCounts Parse(string? json)
    {
        var days = new SortedDictionary<int, int[]>();
        if (!string.IsNullOrEmpty(json) && json != "{}")
        {
            foreach (var (key, values) in JsonSerializer.Deserialize<Dictionary<int, int[]>>(json) ?? [])
            {
                var row = new int[Width];
                Array.Copy(values, row, Math.Min(values.Length, Width));
                days[key] = row;
            }
        }

        return new DailyCounts(days);
    }

    public static int DayOf(DateTime utc) => (int)(utc.Ticks / TimeSpan.TicksPerDay);

    public void Add(DateTime utc, Counter counter)
    {
        var day = DayOf(utc);
        if (!days.TryGetValue(day, out var row))
        {
            row = new int[Width];
            days[day] = row;
        }

        row[(int)counter]++;
    }

    /// <summary>Events of one counter in the <paramref name="windowDays"/> days ending with today.</summary>
    public int Sum(Counter counter, DateTime nowUtc, int windowDays)
    {
        var today = DayOf(nowUtc);
        var total = 0;
        foreach (var (day, row) in days)
        {
            if (day > today - windowDays && day <= today)
            {
                total += row[(int)counter];
            }
        }

        return total;
    }

    /// <summary>Drops days too old to count in any window.</summary>
    public void Prune(DateTime nowUtc)
    {
        var oldest = DayOf(nowUtc) - KeptDays;
        foreach (var day in days.Keys.Where(d => d < oldest).ToList())
        {
            days.Remove(day);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(days);
}
