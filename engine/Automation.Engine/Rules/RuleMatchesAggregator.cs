using NRules.Aggregators;
using NRules.RuleModel;

namespace Automation.Engine.Rules;

/// <summary>The NRules aggregator behind <see cref="RuleMatches{T}"/>: one per rule and session.</summary>
internal sealed class RuleMatchesAggregator<T> : IAggregator
    where T : class
{
    private readonly RuleMatches<T> matches = new();
    private bool created;

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        matches.Add(facts);
        if (created)
        {
            return [AggregationResult.Modified(matches, matches, matches.Facts)];
        }

        created = true;
        return [AggregationResult.Added(matches, matches.Facts)];
    }

    // A match's value changed in place: the same handle, nothing to do but tell NRules.
    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts) =>
        [AggregationResult.Modified(matches, matches, matches.Facts)];

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        matches.Remove(facts);
        return [AggregationResult.Modified(matches, matches, matches.Facts)];
    }
}
