namespace Automation.Engine.Rules;

/// <summary>What the rules that fired for one customer decided, written by their actions in firing order.</summary>
public sealed class RuleDecision
{
    private readonly List<(CompiledRule Rule, DerivedFact[] Matched)> fired = [];
    private readonly Dictionary<int, string?> outputs = [];

    /// <summary>How many rules fired; a runaway chain is stopped at the rule set's firing limit.</summary>
    public int Firings => fired.Count;

    /// <summary>The rule that suppressed the decision (the first by firing order), if any.</summary>
    public CompiledRule? SuppressedBy { get; private set; }

    /// <summary>Each decision value as the highest-priority rule that set it says (the earlier rule on a tie).</summary>
    public IReadOnlyDictionary<string, string> Values
    {
        get
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rule in FiredRules.Distinct().OrderBy(r => r.Priority).ThenByDescending(r => r.Index))
            {
                foreach (var (name, value) in rule.Values)
                {
                    values[name] = value;
                }
            }

            return values;
        }
    }

    internal IEnumerable<CompiledRule> FiredRules => fired.Select(f => f.Rule);

    /// <summary>The derived facts the rules asserted for this customer, so a reused session can let go of them.</summary>
    internal List<DerivedFact> Asserted { get; } = [];

    internal void Fired(CompiledRule rule, DerivedFact[] matched, string? output)
    {
        fired.Add((rule, matched));
        outputs.TryAdd(rule.Index, output);

        if (rule.Suppress is not null)
        {
            SuppressedBy ??= rule;
        }
    }

    internal string? OutputOf(CompiledRule rule) => outputs.GetValueOrDefault(rule.Index);

    internal bool HasFired(CompiledRule rule) => outputs.ContainsKey(rule.Index);

    /// <summary>The explanation: each firing with the values and facts it matched, read from the customer now.</summary>
    public IReadOnlyList<RuleFiring> Explain(CustomerFact customer) =>
        [.. fired.Select(f => new RuleFiring(f.Rule.Name, [.. f.Rule.Read(customer), .. f.Matched.Select(d => $"{d.Name}, asserted by {d.AssertedBy}")]))];
}
