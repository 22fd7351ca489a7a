using Automation.Engine.Profiles;

namespace Automation.Engine.Rules;

/// <summary>
/// The customer as a rule session sees them (declared as `Customer`): the profile's features and scores, which a
/// marketer's conditions read as `Features.…` and `Scores.…`, and the decision the fired rules write into.
/// </summary>
public sealed class CustomerFact(CustomerFeatures features, CustomerScores scores)
{
    public CustomerFeatures Features { get; } = features;

    public CustomerScores Scores { get; } = scores;

    public RuleDecision Decision { get; } = new();
}
