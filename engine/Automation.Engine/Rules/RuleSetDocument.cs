namespace Automation.Engine.Rules;

/// <summary>
/// A rule set as marketers write it: the shape Microsoft RulesEngine read (global params, rules with nested And/Or,
/// local params, success events, OutputExpression actions), so stored and shipped rule sets load unchanged, extended
/// with priorities and outcomes. Only this subset is accepted: no injected workflows, no custom actions, so nothing in
/// a rule set reaches beyond the sandboxed expressions.
/// </summary>
public sealed class RuleSetDocument
{
    public List<ScopedParamDocument> GlobalParams { get; set; } = [];

    public List<RuleDocument> Rules { get; set; } = [];

    /// <summary>Makes this a decision rule set: it runs at this crossing before any workflow starts.</summary>
    public TriggerBindingDocument? Decides { get; set; }
}
