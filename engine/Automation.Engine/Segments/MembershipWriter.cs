using Automation.Engine.Messaging;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Segments;

namespace Automation.Engine.Segments;

/// <summary>Stores membership changes and announces each through the outbox, in the caller's transaction.</summary>
public static class MembershipWriter
{
    /// <summary>
    /// Evaluates the segments for one customer against their current memberships, writes the changes and
    /// publishes SegmentEntered / SegmentExited; returns the changes.
    /// </summary>
    public static List<MembershipChange> Apply(
        AutomationDbContext db,
        IReadOnlyList<CompiledSegment> segments,
        Profiles.CustomerFeatures features,
        Profiles.CustomerScores scores,
        IReadOnlyList<SegmentMembership> current,
        DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(current);
        var byKey = current.ToDictionary(m => m.SegmentKey, StringComparer.Ordinal);
        var changes = SegmentEvaluator.Evaluate(segments, features, scores, byKey, now);
        foreach (var change in changes)
        {
            if (change.Entered)
            {
                db.SegmentMemberships.Add(byKey[change.Segment]);
                OutboxWriter.Publish(db, new SegmentEntered(features.CustomerId, change.Segment, change.Reasons, now), now);
            }
            else
            {
                db.SegmentMemberships.Remove(current.First(m => m.SegmentKey == change.Segment));
                OutboxWriter.Publish(db, new SegmentExited(features.CustomerId, change.Segment, "no longer meets the segment's expression", now), now);
            }
        }

        return changes;
    }
}
