namespace Automation.Engine.Rules;

/// <summary>One rule: a leaf with an expression, or a group combining nested rules with And/Or.</summary>
public sealed class RuleDocument
{
    public string? RuleName { get; set; }

    public string? Expression { get; set; }

    /// <summary>For a group: And, AndAlso, Or or OrElse.</summary>
    public string? Operator { get; set; }

    public List<RuleDocument>? Rules { get; set; }

    public List<ScopedParamDocument>? LocalParams { get; set; }

    public string? SuccessEvent { get; set; }

    public string? ErrorMessage { get; set; }

    public bool Enabled { get; set; } = true;

    public RuleActionsDocument? Actions { get; set; }
}
