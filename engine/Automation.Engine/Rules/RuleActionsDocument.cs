namespace Automation.Engine.Rules;

/// <summary>What a rule outputs when it holds or fails; only RulesEngine's built-in OutputExpression is allowed.</summary>
public sealed class RuleActionsDocument
{
    public RuleOutputDocument? OnSuccess { get; set; }

    public RuleOutputDocument? OnFailure { get; set; }
}
