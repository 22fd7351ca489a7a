using Automation.Engine.Profiles;
using Automation.Storage.Segments;

namespace Automation.Engine.Segments;

/// <summary>
/// Evaluates every segment for one customer and diffs against the current memberships.
/// Score segments use hysteresis (enter at EnterThreshold, leave below ExitThreshold); TTL lapses memberships
/// that were not re-qualified.
/// </summary>
public static class SegmentEvaluator
{
    public static List<MembershipChange> Evaluate(
        IReadOnlyList<CompiledSegment> segments,
        CustomerFeatures features,
        CustomerScores scores,
        IDictionary<string, SegmentMembership> memberships,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(memberships);
        var changes = new List<MembershipChange>();

        // By index: a foreach over the interface would allocate an enumerator per customer evaluated.
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var isMember = memberships.TryGetValue(segment.Key, out var membership);
            var qualifies = Qualifies(segment, features, scores, isMember);
            if (qualifies && !isMember)
            {
                var reasons = segment.Reasons.Explain(features, scores);
                memberships[segment.Key] = new SegmentMembership
                {
                    SegmentKey = segment.Key,
                    CustomerId = features.CustomerId,
                    EnteredAt = nowUtc,
                    LastQualifiedAt = nowUtc,
                    ReasonsJson = reasons.Json,
                };
                changes.Add(new MembershipChange(features.CustomerId, segment.Key, true, reasons.Reasons));
            }
            else if (qualifies)
            {
                membership!.LastQualifiedAt = nowUtc;
            }
            else if (isMember && !Lingers(segment, membership!, nowUtc))
            {
                memberships.Remove(segment.Key);
                changes.Add(new MembershipChange(features.CustomerId, segment.Key, false, []));
            }
        }

        return changes;
    }

    private static bool Qualifies(CompiledSegment segment, CustomerFeatures features, CustomerScores scores, bool isMember)
    {
        if (!segment.Expression.Evaluate(features, scores))
        {
            return false;
        }

        var definition = segment.Definition;
        if (definition.ScoreMember is null || definition.EnterThreshold is null)
        {
            return true;
        }

        var score = ScoreValue(definition.ScoreMember, scores);
        return isMember ? score >= (definition.ExitThreshold ?? definition.EnterThreshold) : score >= definition.EnterThreshold;
    }

    /// <summary>With a TTL, a membership stays until TTL days after it last qualified.</summary>
    private static bool Lingers(CompiledSegment segment, SegmentMembership membership, DateTime nowUtc) =>
        segment.Definition.TtlDays is { } ttl && nowUtc - membership.LastQualifiedAt < TimeSpan.FromDays(ttl);

    private static double ScoreValue(string member, CustomerScores scores) => member switch
    {
        "Scores.ChurnRisk" => scores.ChurnRisk,
        "Scores.PurchasePropensity" => scores.PurchasePropensity,
        "Scores.Recency" => scores.Recency,
        "Scores.Frequency" => scores.Frequency,
        "Scores.Monetary" => scores.Monetary,
        _ => 0,
    };
}
