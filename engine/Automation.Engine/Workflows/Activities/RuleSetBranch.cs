using Automation.Engine.Rules;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("ruleSet", "Decide", "Rule set", "Runs a saved rule set (NRules) over the customer and goes on by the highest-priority rule that fired, or 'none'; the journal says which rules fired and why", Ports = [RuleSetCompiler.NoRulePort])]
public sealed class RuleSetBranch : Activity<RuleSetBranchSettings>
{
    protected override async Task<ActivityOutcome> ExecuteAsync(ActivityContext context, RuleSetBranchSettings settings, CancellationToken cancellationToken)
    {
        var ruleSet = await context.Services.RuleSets.FindAsync(settings.RuleSet, cancellationToken)
            ?? throw new InvalidOperationException($"rule set '{settings.RuleSet}' does not exist or no longer compiles");
        // The rules read the instance's trigger by its type and the segment or event it names ("none" for a test run).
        var trigger = context.Trigger;
        var facts = await RuleFactsReader.ReadAsync(
            context.Db, context.Instance.CustomerId, trigger?.Type is { Length: > 0 } type ? type : "none", trigger?.Segment ?? trigger?.Event ?? "", context.Now, cancellationToken);
        var outcome = ruleSet.Evaluate(context.Features, context.Scores, facts);
        if (context.Simulation is null)
        {
            await RuleFactsReader.TagAsync(context.Db, context.Instance.CustomerId, outcome.Tags, $"rule set '{ruleSet.Key}' v{ruleSet.Version} in workflow '{context.Definition.Id}'", context.Now, cancellationToken);
        }

        return ActivityOutcome.Continue(outcome.Port, RuleSetJournal.Summary(ruleSet, outcome));
    }

    protected override IEnumerable<(string Field, string Message)> Validate(RuleSetBranchSettings settings, ValidationServices services)
    {
        if (string.IsNullOrWhiteSpace(settings.RuleSet))
        {
            yield return ("ruleSet", "choose a rule set");
        }
        else if (services.RuleSets?.Find(settings.RuleSet) is null)
        {
            yield return ("ruleSet", $"no rule set '{settings.RuleSet}' exists");
        }
    }

    protected override IReadOnlyList<string>? Ports(RuleSetBranchSettings settings, ValidationServices services) =>
        services.RuleSets?.Find(settings.RuleSet)?.Ports;
}
