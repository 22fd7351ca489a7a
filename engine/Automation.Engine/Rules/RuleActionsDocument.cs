namespace Automation.Engine.Rules;

/// <summary>What a rule outputs when it holds (onFailure is checked but not shown); only OutputExpression is allowed.</summary>
public sealed class RuleActionsDocument
{
    public RuleOutputDocument? OnSuccess { get; set; }

    public RuleOutputDocument? OnFailure { get; set; }
}
