namespace Automation.Engine.Rules;

/// <summary>How a rule set's decision reads in an instance's journal: the port, the output, and the rules that fired and why.</summary>
public static class RuleSetJournal
{
    /// <summary>"engagement-tier v2: ready-to-buy → cart adds 1 (fired: ready-to-buy (Features.CartAdds30d = 1))".</summary>
    public static string Summary(CompiledRuleSet ruleSet, RuleSetOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(outcome);
        var head = $"{ruleSet.Key} v{ruleSet.Version}";
        if (outcome.Fired.Count == 0)
        {
            return $"{head}: no rule held";
        }

        var output = outcome.Output is null ? "" : $" → {outcome.Output}";
        var values = outcome.Values.Count == 0 ? "" : $" [{string.Join(", ", outcome.Values.Select(v => $"{v.Key} = {v.Value}"))}]";
        var suppressed = outcome.SuppressedBy is null ? "" : $"; suppressed by {outcome.SuppressedBy}: {outcome.Suppression}";
        return $"{head}: {outcome.Port}{output}{values}{suppressed} (fired: {outcome.Explanation})";
    }
}
