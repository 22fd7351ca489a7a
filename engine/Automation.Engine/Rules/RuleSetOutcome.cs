namespace Automation.Engine.Rules;

/// <summary>
/// What a rule set decided for one customer: the first top-level rule that held names the port ("none" when
/// none held), with its output value and every rule's result for the journal and the API.
/// </summary>
public sealed record RuleSetOutcome(string Port, string? Output, IReadOnlyList<RuleResult> Results);
