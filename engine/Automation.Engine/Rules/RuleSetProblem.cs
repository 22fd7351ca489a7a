namespace Automation.Engine.Rules;

/// <summary>Why a rule set was refused: the JSON path of the field ("rules[1].expression"), the reason, the position.</summary>
public sealed record RuleSetProblem(string Field, string Message, int? Position = null);
