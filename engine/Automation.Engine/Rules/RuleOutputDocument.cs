namespace Automation.Engine.Rules;

/// <summary>{"name": "OutputExpression", "context": {"expression": "..."}}: a value computed from the profile.</summary>
public sealed class RuleOutputDocument
{
    public const string OutputExpression = "OutputExpression";

    public string? Name { get; set; }

    public Dictionary<string, string>? Context { get; set; }
}
