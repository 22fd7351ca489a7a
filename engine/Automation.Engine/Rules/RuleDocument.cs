namespace Automation.Engine.Rules;

/// <summary>
/// One rule: a leaf with an expression, or a group combining nested rules with And/Or/Not. A top-level rule also has
/// a priority and outcomes: decision values, a suppression, facts it asserts for other rules, and facts it requires.
/// </summary>
public sealed class RuleDocument
{
    public string? RuleName { get; set; }

    public string? Expression { get; set; }

    /// <summary>For a group: And, AndAlso (all hold), Or, OrElse (any holds) or Not (none holds).</summary>
    public string? Operator { get; set; }

    public List<RuleDocument>? Rules { get; set; }

    public List<ScopedParamDocument>? LocalParams { get; set; }

    public string? SuccessEvent { get; set; }

    public string? ErrorMessage { get; set; }

    public bool Enabled { get; set; } = true;

    public RuleActionsDocument? Actions { get; set; }

    /// <summary>Higher fires first and, among the rules that fired, decides the port; ties go to the earlier rule.</summary>
    public int Priority { get; set; }

    /// <summary>Derived facts that must have been asserted by another rule ("priority-high").</summary>
    public List<string>? Requires { get; set; }

    /// <summary>Derived facts that must not have been asserted.</summary>
    public List<string>? Unless { get; set; }

    /// <summary>Derived facts this rule asserts when it fires.</summary>
    public List<string>? Assert { get; set; }

    /// <summary>Decision values this rule sets when it fires ("offer": "10%", "channel": "email").</summary>
    public Dictionary<string, string>? Set { get; set; }

    /// <summary>In a decision rule set: the workflows to start (by id) when this rule is the highest-priority one naming any.</summary>
    public List<string>? Start { get; set; }

    /// <summary>Tags this rule gives the customer when it fires ("vip-at-risk"); kept on the customer for later rules and segments' pages.</summary>
    public List<string>? Tag { get; set; }

    /// <summary>A reason that suppresses every action of this decision when the rule fires.</summary>
    public string? Suppress { get; set; }
}
