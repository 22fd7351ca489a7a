using System.Diagnostics;

namespace Automation.Engine.Events;

/// <summary>
/// Where event processing, and the ingestion ahead of it (stages named "ingest: …", summed over concurrent requests),
/// spends its time, per stage, summed over every batch since start: the ingest benchmark prints it, so a slow stage is
/// measured rather than guessed.
/// </summary>
public sealed class ProcessingTimings
{
    private readonly Dictionary<string, long> ticks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    /// <summary>Adds the time since <paramref name="started"/> (a Stopwatch timestamp) to the stage; returns now.</summary>
    public long Add(string stage, long started, int items = 0)
    {
        var now = Stopwatch.GetTimestamp();
        AddTicks(stage, now - started, items);
        return now;
    }

    /// <summary>Adds Stopwatch ticks measured by the caller to the stage.</summary>
    public void AddTicks(string stage, long elapsed, int items = 0)
    {
        lock (sync)
        {
            ticks[stage] = ticks.GetValueOrDefault(stage) + elapsed;
            counts[stage] = counts.GetValueOrDefault(stage) + items;
        }
    }

    /// <summary>The stages in the order first seen, with their summed time and the rows or items they handled (0: not counted).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed, long Items)> Snapshot()
    {
        lock (sync)
        {
            return [.. ticks.Select(t => (t.Key, Stopwatch.GetElapsedTime(0, t.Value), counts[t.Key]))];
        }
    }

    public void Reset()
    {
        lock (sync)
        {
            ticks.Clear();
            counts.Clear();
        }
    }
}
