using Automation.Engine.Rules;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("ruleSet", "Decide", "Rule set", "Runs a saved rule set (RulesEngine) over the customer and goes on by the first rule that holds, or 'none'", Ports = [RuleSetCompiler.NoRulePort])]
public sealed class RuleSetBranch : Activity<RuleSetBranchSettings>
{
    protected override async Task<ActivityOutcome> ExecuteAsync(ActivityContext context, RuleSetBranchSettings settings, CancellationToken cancellationToken)
    {
        var ruleSet = await context.Services.RuleSets.FindAsync(settings.RuleSet, cancellationToken)
            ?? throw new InvalidOperationException($"rule set '{settings.RuleSet}' does not exist or no longer compiles");
        var outcome = await ruleSet.EvaluateAsync(context.Features, context.Scores);
        var output = outcome.Output is null ? "" : $" → {outcome.Output}";
        var held = outcome.Results.Where(r => r.Held).Select(r => r.Rule).ToList();
        var summary = held.Count == 0
            ? $"{settings.RuleSet} v{ruleSet.Version}: no rule held"
            : $"{settings.RuleSet} v{ruleSet.Version}: {outcome.Port}{output} (held: {string.Join(", ", held)})";
        return ActivityOutcome.Continue(outcome.Port, summary);
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
