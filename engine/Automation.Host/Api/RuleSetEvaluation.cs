using Automation.Engine.Rules;

namespace Automation.Host.Api;

/// <summary>
/// POST /api/rule-sets/{key}/evaluate: the decision for one customer and why: the rules that fired, in order, with the
/// values and facts each matched.
/// </summary>
public sealed record RuleSetEvaluation(
    int Version,
    string Port,
    string? Output,
    IReadOnlyList<RuleResult> Rules,
    IReadOnlyList<RuleFiring> Fired,
    IReadOnlyDictionary<string, string> Values,
    string? SuppressedBy,
    string? Suppression,
    IReadOnlyList<string> Tags);
