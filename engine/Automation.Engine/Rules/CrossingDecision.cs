namespace Automation.Engine.Rules;

/// <summary>
/// What the decision rule sets bound to a crossing decided for one customer, before any workflow starts: suppressed
/// (no workflow starts; the rule and reason are named), narrowed to the workflows the rules named, or left open.
/// </summary>
public sealed record CrossingDecision(IReadOnlyList<string> Explanations, string? SuppressedBy, IReadOnlySet<string>? Starts)
{
    public static CrossingDecision Open { get; } = new([], null, null);

    public bool Suppressed => SuppressedBy is not null;

    /// <summary>Tags the fired rules give the customer, with the rule set that gave each; kept whether or not anything starts.</summary>
    public IReadOnlyList<(string Tag, string By)> Tags { get; init; } = [];

    /// <summary>Whether this workflow may start: nothing suppressed, and either no rule named workflows or this is one of them.</summary>
    public bool Admits(string workflowId) => !Suppressed && (Starts is null || Starts.Contains(workflowId));

    /// <summary>"decided by support-first v2: route → start offer-flow (fired: route (Features.PricingViews30d = 1))".</summary>
    public string Summary => string.Join("; ", Explanations);
}
