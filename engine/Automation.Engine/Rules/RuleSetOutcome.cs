namespace Automation.Engine.Rules;

/// <summary>
/// What a rule set decided for one customer: the port of the highest-priority rule that fired ("none" when none did),
/// with its output value, the decision values, the rule that suppressed the decision if one did, and the explanation:
/// every rule's result and the rules that fired in order with what they matched (read when asked for: a batch that
/// only routes does not pay for formatting them).
/// </summary>
public sealed record RuleSetOutcome(string Port, string? Output)
{
    // Read on first use and kept (computing twice on a race gives equal values); null until then.
    private readonly OutcomeExplanation? explanation;
    private IReadOnlyList<RuleResult>? results;
    private IReadOnlyList<RuleFiring>? fired;
    private IReadOnlyDictionary<string, string>? values;

    public IReadOnlyList<RuleResult> Results { get => results ??= explanation?.Results() ?? []; init => results = value; }

    public IReadOnlyList<RuleFiring> Fired { get => fired ??= explanation?.Fired() ?? []; init => fired = value; }

    public IReadOnlyDictionary<string, string> Values { get => values ??= explanation?.Values() ?? new Dictionary<string, string>(); init => values = value; }

    /// <summary>In a decision rule set: the workflows the highest-priority fired rule naming any says to start.</summary>
    public IReadOnlyList<string> Starts { get; init; } = [];

    /// <summary>The tags the fired rules give the customer (the caller keeps them on the customer).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? SuppressedBy { get; init; }

    /// <summary>How many times rules fired (a rule fires once per match; the explanation lists each firing).</summary>
    public int Firings { get; init; }

    public string? Suppression { get; init; }

    /// <summary>In a batch: why this customer could not be decided (a failing condition, a runaway chain); null when decided.</summary>
    public string? Error { get; init; }

    /// <summary>One line for a journal: "ready-to-buy (Features.CartAdds30d = 1); browsing (…)".</summary>
    public string Explanation => Fired.Count == 0
        ? "no rule fired"
        : string.Join("; ", Fired.Select(f => f.Matched.Count == 0 ? f.Rule : $"{f.Rule} ({string.Join(", ", f.Matched)})"));

    internal RuleSetOutcome(string port, string? output, OutcomeExplanation explanation)
        : this(port, output)
    {
        this.explanation = explanation;
    }
}
