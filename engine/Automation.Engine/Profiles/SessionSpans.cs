using System.Text.Json;
using Automation.Engine.Messaging;

namespace Automation.Engine.Profiles;

/// <summary>
/// A customer's sessions as time spans (activity with gaps no longer than the session gap), so that a late event
/// lands in — or bridges — the right session whatever order events arrive in. Spans that ended long before the
/// last activity are folded into a count; an event old enough to touch those can only be placed by refolding the log.
/// </summary>
public sealed class SessionSpans
{
    private static readonly long KeptTicks = TimeSpan.FromDays(DailyCounts.KeptDays).Ticks;
    // Start and end ticks of each span, oldest first (value pairs: no allocation per event).
    private readonly List<(long Start, long End)> spans;
    private int closed;
    private long horizon;

    private SessionSpans(int closed, long horizon, List<(long Start, long End)> spans)
    {
        this.closed = closed;
        this.horizon = horizon;
        this.spans = spans;
    }

    public int Count => closed + spans.Count;

    public DateTime? LastActivity => spans.Count > 0 ? new DateTime(spans[^1].End, DateTimeKind.Utc) : null;

    public static SessionSpans Empty() => new(0, 0, []);

    /// <summary>Reads the stored spans; a profile stored before spans existed keeps its count, all of it closed.</summary>
    public static SessionSpans Parse(string? json, int legacySessions, DateTime? legacyLastSession)
    {
        if (string.IsNullOrEmpty(json))
        {
            return legacySessions == 0 ? Empty() : new SessionSpans(legacySessions, (legacyLastSession ?? DateTime.MaxValue.AddYears(-1)).Ticks, []);
        }

        var stored = JsonSerializer.Deserialize<Stored>(json) ?? new Stored(0, 0, []);
        return new SessionSpans(stored.Closed, stored.Horizon, [.. stored.Spans.Select(s => (s[0], s.Length == 1 ? s[0] : s[1]))]);
    }

    /// <summary>False when the moment falls where closed sessions were: only a refold from the log places it exactly.</summary>
    public bool CanPlace(DateTime at, TimeSpan gap) => closed == 0 || at.Ticks >= horizon + gap.Ticks;

    public void Add(DateTime at, TimeSpan gap)
    {
        var t = at.Ticks;
        var g = gap.Ticks;
        var start = t;
        var end = t;
        var index = 0;
        while (index < spans.Count && spans[index].End + g < t)
        {
            index++;
        }

        // Every span within one gap of the moment joins it: the moment may bridge two sessions into one.
        while (index < spans.Count && spans[index].Start - g <= t)
        {
            start = Math.Min(start, spans[index].Start);
            end = Math.Max(end, spans[index].End);
            spans.RemoveAt(index);
        }

        spans.Insert(index, (start, end));
    }

    /// <summary>Folds spans that ended long before the last activity into the closed count.</summary>
    public void Prune(DateTime lastSeen)
    {
        var cutoff = lastSeen.Ticks - KeptTicks;
        var old = 0;
        while (old < spans.Count && spans[old].End < cutoff)
        {
            old++;
        }

        if (old > 0)
        {
            closed += old;
            spans.RemoveRange(0, old);
            horizon = Math.Max(horizon, cutoff);
        }
    }

    /// <summary>The state as JSON; a span of one moment (a one-event session, the most common) is stored as that moment alone.</summary>
    public string ToJson() => StateJson.Write(this, static (json, state) =>
    {
        json.WriteStartObject();
        json.WriteNumber("Closed", state.closed);
        json.WriteNumber("Horizon", state.horizon);
        json.WriteStartArray("Spans");
        foreach (var (start, end) in state.spans)
        {
            json.WriteStartArray();
            json.WriteNumberValue(start);
            if (end != start)
            {
                json.WriteNumberValue(end);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private sealed record Stored(int Closed, long Horizon, List<long[]> Spans);
}
