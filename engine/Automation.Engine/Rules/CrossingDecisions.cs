using Automation.Engine.Profiles;
using Automation.Storage;

namespace Automation.Engine.Rules;

/// <summary>
/// Runs the published decision rule sets bound to a segment entry or exit or a score crossing, for one customer, on
/// NRules like every other rule set: the first suppression wins; otherwise the workflows the fired rules name to start
/// (in priority order) narrow which of the listening workflows start.
/// </summary>
public sealed class CrossingDecisions(RuleSetCatalog catalog)
{
    public async Task<CrossingDecision> DecideAsync(AutomationDbContext db, string customerId, string triggerType, string triggerKey, CustomerFeatures features, CustomerScores scores, DateTime now, CancellationToken cancellationToken)
    {
        var bound = await catalog.DecidingAsync(triggerType, triggerKey, cancellationToken);
        if (bound.Count == 0)
        {
            return CrossingDecision.Open;
        }

        var facts = await RuleFactsReader.ReadAsync(db, customerId, triggerType, triggerKey, now, cancellationToken);
        var explanations = new List<string>();
        var tags = new List<(string Tag, string By)>();
        HashSet<string>? starts = null;
        foreach (var ruleSet in bound)
        {
            var outcome = ruleSet.Evaluate(features, scores, facts);
            explanations.Add($"decided by {RuleSetJournal.Summary(ruleSet, outcome)}");
            tags.AddRange(outcome.Tags.Select(t => (t, $"rule set '{ruleSet.Key}' v{ruleSet.Version}")));
            if (outcome.SuppressedBy is not null)
            {
                return new CrossingDecision(explanations, $"{ruleSet.Key} v{ruleSet.Version} rule '{outcome.SuppressedBy}': {outcome.Suppression}", null) { Tags = tags };
            }

            if (outcome.Starts.Count > 0)
            {
                starts ??= new HashSet<string>(StringComparer.Ordinal);
                starts.UnionWith(outcome.Starts);
            }
        }

        return new CrossingDecision(explanations, null, starts) { Tags = tags };
    }
}
