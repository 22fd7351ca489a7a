using System.Collections.Concurrent;
using System.Text.Json;
using Automation.Engine.Profiles;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Segments;

/// <summary>
/// One segment's reason codes, written once per distinct set of values and shared by every entry with those values.
/// A backfill writes millions of entries whose reasons repeat a few hundred value combinations; each holding its own
/// JSON made the memberships kept in memory (the write-behind store's copies) about 450 bytes each, most of it reasons.
/// </summary>
public sealed class SegmentReasons(IReadOnlyList<string> members)
{
    // Bounds the shared set for members of many values (amounts, scores): past it, entries get reasons of their own.
    private const int MaxShared = 2048;

    private readonly ConcurrentDictionary<string, Explained> shared = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock; entries written one by one count here instead.
    private int count;

    /// <summary>The reasons for a customer entering the segment, and the same as JSON for the membership row.</summary>
    public Explained Explain(CustomerFeatures features, CustomerScores scores)
    {
        var key = ReasonWriter.Key(members, features, scores);
        if (shared.TryGetValue(key, out var known))
        {
            return known;
        }

        var reasons = ReasonWriter.Explain(members, features, scores);
        var explained = new Explained(reasons, JsonSerializer.Serialize(reasons));
        if (Volatile.Read(ref count) < MaxShared && shared.TryAdd(key, explained))
        {
            Interlocked.Increment(ref count);
        }

        return explained;
    }

    /// <summary>Reason codes and their JSON; both are shared, so neither is changed.</summary>
    public sealed record Explained(IReadOnlyList<ReasonCode> Reasons, string Json);
}
