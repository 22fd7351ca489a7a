namespace Automation.Engine.Rules;

/// <summary>
/// Where a rule-set outcome reads its explanation from when asked: the customer's decision and the rule set's rules.
/// One object per customer instead of three delegates and their lazies, which a batch that only routes allocated for
/// every customer and never read.
/// </summary>
internal sealed class OutcomeExplanation(IReadOnlyList<CompiledRule> rules, CustomerFact customer)
{
    public IReadOnlyList<RuleResult> Results()
    {
        var decision = customer.Decision;
        return [.. rules.Select(r => new RuleResult(r.Name, decision.HasFired(r), decision.OutputOf(r), null))];
    }

    public IReadOnlyList<RuleFiring> Fired() => customer.Decision.Explain(customer);

    public IReadOnlyDictionary<string, string> Values() =>
        customer.Plugin is { } plugin ? plugin.Values.ToDictionary(StringComparer.Ordinal) : customer.Decision.Values;
}
