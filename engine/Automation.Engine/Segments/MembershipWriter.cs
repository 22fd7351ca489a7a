using Automation.Engine.Telemetry;
using Automation.Engine.Profiles;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage.Segments;

namespace Automation.Engine.Segments;

/// <summary>Gathers membership changes and their SegmentEntered / SegmentExited messages for one set-based write.</summary>
public static class MembershipWriter
{
    // Apply runs once per customer per processing batch: the lookup of current memberships is reused, not rebuilt.
    [ThreadStatic]
    private static Dictionary<string, SegmentMembership>? reusedByKey;

    /// <summary>
    /// Evaluates the segments for one customer against their current memberships (read untracked), records the
    /// changes and the messages announcing them in <paramref name="writes"/>; returns the changes. When given,
    /// <paramref name="after"/> is filled with the memberships the customer has afterwards (a store keeping them).
    /// </summary>
    public static List<MembershipChange> Apply(
        ProfileWrites writes,
        IReadOnlyList<CompiledSegment> segments,
        CustomerFeatures features,
        CustomerScores scores,
        IReadOnlyList<SegmentMembership> current,
        DateTime now,
        List<SegmentMembership>? after = null)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(current);
        var byKey = reusedByKey ??= new Dictionary<string, SegmentMembership>(StringComparer.Ordinal);
        byKey.Clear();
        for (var i = 0; i < current.Count; i++)
        {
            byKey.Add(current[i].SegmentKey, current[i]);
        }

        var changes = SegmentEvaluator.Evaluate(segments, features, scores, byKey, now);
        foreach (var change in changes)
        {
            if (change.Entered)
            {
                writes.Membership(byKey[change.Segment]);
                writes.Publish(new SegmentEntered(features.CustomerId, change.Segment, change.Reasons, now), now);
                EngineTelemetry.SegmentEntries.Add(1, new KeyValuePair<string, object?>("segment", change.Segment));
            }
            else
            {
                writes.Remove(current.First(m => m.SegmentKey == change.Segment));
                writes.Publish(new SegmentExited(features.CustomerId, change.Segment, "no longer meets the segment's expression", now), now);
                EngineTelemetry.SegmentExits.Add(1, new KeyValuePair<string, object?>("segment", change.Segment));
            }
        }

        // Only a TTL reads when a membership last qualified, so only those are rewritten when they re-qualify.
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Definition.TtlDays is not null && byKey.TryGetValue(segment.Key, out var kept) && kept.LastQualifiedAt == now)
            {
                writes.Membership(kept);
            }
        }

        if (after is not null)
        {
            after.Clear();
            after.AddRange(byKey.Values);
        }

        return changes;
    }
}
