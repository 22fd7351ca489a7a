using NRules.Aggregators;
using NRules.RuleModel;

namespace Automation.Engine.Rules;

/// <summary>Makes NRules create a <see cref="RuleMatchesAggregator{T}"/> (it instantiates the factory by its type).</summary>
internal sealed class RuleMatchesAggregatorFactory<T> : IAggregatorFactory
    where T : class
{
    public const string Name = "RuleMatches";

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
    }

    public IAggregator Create(AggregationContext context) => new RuleMatchesAggregator<T>();
}
