namespace Automation.Engine.Rules;

/// <summary>
/// A rule set as marketers write it: RulesEngine's workflow shape (global params, rules with nested And/Or,
/// local params, success events, OutputExpression actions). Only this subset is accepted: no injected workflows,
/// no custom actions, so nothing in a rule set reaches beyond the sandboxed expressions.
/// </summary>
public sealed class RuleSetDocument
{
    public List<ScopedParamDocument> GlobalParams { get; set; } = [];

    public List<RuleDocument> Rules { get; set; } = [];
}
