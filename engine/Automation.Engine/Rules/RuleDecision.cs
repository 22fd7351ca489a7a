namespace Automation.Engine.Rules;

/// <summary>
/// What the rules that fired for one customer decided, written by their actions in firing order. The deciding rule
/// (highest priority, the earlier on a tie), the first rule naming workflows to start and the suppressing rule are
/// kept as the rules fire, so a batch that only routes never sorts or formats anything.
/// </summary>
public sealed class RuleDecision
{
    // Sized for every rule of the set to fire once (up to 64 rules), so a customer's firings are rarely copied to a
    // larger array; a larger set, where most rules do not fire for one customer, grows it from there. An array and a
    // count rather than a List: a collecting rule's firing writes into the decisions of a whole batch of customers,
    // and each object between the customer and the entry is another cache miss per customer.
    private (CompiledRule Rule, DerivedFact[] Matched)[] fired;
    private int count;

    // A plugin rule's matched facts described by their own text, by firing position: only plugin rule sets have any.
    private Dictionary<int, string[]>? pluginFacts;

    // Only rules with an output expression write here; most rules have none, and a batch pays for every allocation.
    private Dictionary<int, string>? outputs;

    // Whether a fired rule gives tags: most give none, and collecting them went through every firing for each customer.
    private bool tagged;

    /// <param name="rules">How many rules the rule set has: the expected most firings for one customer.</param>
    public RuleDecision(int rules = 16) => fired = new (CompiledRule, DerivedFact[])[Math.Clamp(rules, 4, 64)];

    /// <summary>How many rules fired; a runaway chain is stopped at the rule set's firing limit.</summary>
    public int Firings => count;

    /// <summary>The rule that suppressed the decision (the first by firing order), if any.</summary>
    public CompiledRule? SuppressedBy { get; private set; }

    /// <summary>The fired rule that names the port: the highest priority, the earlier in the rule set on a tie.</summary>
    public CompiledRule? Winner { get; private set; }

    /// <summary>The highest-priority fired rule that names workflows to start (the earlier on a tie).</summary>
    public CompiledRule? Starter { get; private set; }

    /// <summary>Set when this customer reached the firing limit: the rules kept asserting facts that made rules fire.</summary>
    public bool RanAway { get; internal set; }

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

    internal IEnumerable<CompiledRule> FiredRules => Recorded.Select(f => f.Rule);

    private ArraySegment<(CompiledRule Rule, DerivedFact[] Matched)> Recorded => new(fired, 0, count);

    internal void Fired(CompiledRule rule, DerivedFact[] matched, string? output)
    {
        if (count == fired.Length)
        {
            Array.Resize(ref fired, count * 2);
        }

        fired[count++] = (rule, matched);
        tagged |= rule.Tags.Count > 0;
        if (output is not null)
        {
            outputs ??= [];
            outputs.TryAdd(rule.Index, output);
        }
        if (Ranks(rule, Winner))
        {
            Winner = rule;
        }

        if (rule.Starts.Count > 0 && Ranks(rule, Starter))
        {
            Starter = rule;
        }

        if (rule.Suppress is not null && SuppressedBy is null)
        {
            SuppressedBy = rule;
            Suppression = rule.Suppress;
        }
    }

    /// <summary>A plugin rule fired: the facts it matched besides the customer are described by their own text.</summary>
    internal void FiredPluginRule(CompiledRule rule, string[] facts, string? suppression)
    {
        Fired(rule, [], null);
        (pluginFacts ??= [])[count - 1] = facts;
        if (suppression is not null && SuppressedBy is null)
        {
            SuppressedBy = rule;
            Suppression = suppression;
        }
    }

    /// <summary>The tags the fired rules give the customer, each once, in firing order.</summary>
    public IReadOnlyList<string> Tags => tagged ? [.. Recorded.SelectMany(f => f.Rule.Tags).Distinct(StringComparer.OrdinalIgnoreCase)] : [];

    /// <summary>Why the decision is suppressed: the suppressing rule's reason.</summary>
    public string? Suppression { get; private set; }

    internal string? OutputOf(CompiledRule rule) => outputs?.GetValueOrDefault(rule.Index);

    internal bool HasFired(CompiledRule rule) => Recorded.Any(f => f.Rule.Index == rule.Index);

    /// <summary>The rule that fired most often: the one that kept a runaway chain going.</summary>
    internal string MostFired() => Recorded.GroupBy(f => f.Rule.Name).OrderByDescending(g => g.Count()).First().Key;

    /// <summary>The explanation: each firing with the values and facts it matched, read from the customer now.</summary>
    public IReadOnlyList<RuleFiring> Explain(CustomerFact customer) =>
        [.. Recorded.Select((f, i) => new RuleFiring(f.Rule.Name, [.. f.Rule.Read(customer), .. f.Matched.Select(d => $"{d.Name}, asserted by {d.AssertedBy}"), .. pluginFacts?.GetValueOrDefault(i) ?? []]))];

    private static bool Ranks(CompiledRule rule, CompiledRule? best) =>
        best is null || rule.Priority > best.Priority || (rule.Priority == best.Priority && rule.Index < best.Index);
}
