namespace Automation.Engine.Expressions;

/// <summary>
/// The customer's segment memberships with the moment each began, as a rule reads them: `Segments.Has("vip")`,
/// `Segments.DaysIn("at-risk") >= 7`. Keys compare without case, as segment keys do elsewhere.
/// </summary>
public sealed class SegmentFacts
{
    private readonly Dictionary<string, DateTime> enteredAt;
    private readonly DateTime now;

    public SegmentFacts(IEnumerable<KeyValuePair<string, DateTime>> enteredAt, DateTime now)
    {
        this.enteredAt = new Dictionary<string, DateTime>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, since) in enteredAt)
        {
            this.enteredAt[key] = since;
        }

        this.now = now;
    }

    /// <summary>No memberships known (a rule set tried on pasted facts, or the benchmark).</summary>
    public static SegmentFacts None { get; } = new([], DateTime.UnixEpoch);

    /// <summary>How many segments the customer is in.</summary>
    public int Count => enteredAt.Count;

    /// <summary>The segment keys, for an explanation.</summary>
    public IEnumerable<string> Keys => enteredAt.Keys;

    public bool Has(string key) => key is not null && enteredAt.ContainsKey(key);

    /// <summary>Whole and part days since the customer entered the segment; -1 when not a member.</summary>
    public double DaysIn(string key) =>
        key is not null && enteredAt.TryGetValue(key, out var since) ? Math.Max(0, (now - since).TotalDays) : -1;
}
