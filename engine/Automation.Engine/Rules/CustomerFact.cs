using Automation.Engine.Profiles;

namespace Automation.Engine.Rules;

/// <summary>
/// The customer as a rule session sees them (declared as `Customer`): the profile's features and scores, which a
/// marketer's conditions read as `Features.…` and `Scores.…`, the session facts beside them, and the decision the fired rules write into.
/// </summary>
public sealed class CustomerFact(CustomerFeatures features, CustomerScores scores, RuleFacts? facts = null, int rules = 16)
{
    // NRules keys its working memory by the fact; a hash code computed once here spares the runtime's identity hash,
    // which a batch of customers otherwise pays for on every new object (identity equality stays).
    private readonly int hash = Random.Shared.Next();

    public CustomerFeatures Features { get; } = features;

    public CustomerScores Scores { get; } = scores;

    /// <summary>Segments, trigger, recent activity and tags, read by conditions as `Segments.…`, `Trigger.…`, `Recent.…`, `Tags.…`.</summary>
    public RuleFacts Facts { get; } = facts ?? RuleFacts.None;

    public Automation.Engine.Expressions.SegmentFacts Segments => Facts.Segments;

    public Automation.Engine.Expressions.TriggerFact Trigger => Facts.Trigger;

    public Automation.Engine.Expressions.RecentActivity Recent => Facts.Recent;

    public Automation.Engine.Expressions.TagFacts Tags => Facts.Tags;

    /// <summary>What the fired rules decided; `rules` (the rule set's size) sizes it so that no firing copies it.</summary>
    public RuleDecision Decision { get; } = new(rules);

    /// <summary>In a plugin's rule set: the customer as the plugin's rules see them, with the outcomes they wrote.</summary>
    internal Automation.Plugins.Sdk.RuleCustomer? Plugin { get; set; }

    public override int GetHashCode() => hash;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}
