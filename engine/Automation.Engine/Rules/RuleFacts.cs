using System.Linq.Expressions;
using Automation.Engine.Expressions;

namespace Automation.Engine.Rules;

/// <summary>
/// What a rule session knows about the customer besides the profile: segment memberships with their since-dates, the
/// trigger that set the decision off, recent actions and open approvals, and the tags rules gave before. A rule's
/// conditions read them as `Segments`, `Trigger`, `Recent` and `Tags`; they ride on the customer fact, so they are
/// alpha conditions like the profile's and a batch of customers still needs no join.
/// </summary>
public sealed record RuleFacts(SegmentFacts Segments, TriggerFact Trigger, RecentActivity Recent, TagFacts Tags)
{
    public static RuleFacts None { get; } = new(SegmentFacts.None, TriggerFact.None, RecentActivity.None, TagFacts.None);

    internal static readonly ParameterExpression SegmentsParameter = Expression.Parameter(typeof(SegmentFacts), nameof(Segments));
    internal static readonly ParameterExpression TriggerParameter = Expression.Parameter(typeof(TriggerFact), nameof(Trigger));
    internal static readonly ParameterExpression RecentParameter = Expression.Parameter(typeof(RecentActivity), nameof(Recent));
    internal static readonly ParameterExpression TagsParameter = Expression.Parameter(typeof(TagFacts), nameof(Tags));

    /// <summary>The parameters a rule's expressions may name besides Features and Scores.</summary>
    internal static IReadOnlyList<ParameterExpression> Parameters { get; } = [SegmentsParameter, TriggerParameter, RecentParameter, TagsParameter];
}
