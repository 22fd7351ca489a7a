namespace Automation.Engine.Rules;

/// <summary>A rule set failed for one customer: a rule's expression threw on their data, or a chain of rules ran away.</summary>
public sealed class RuleSetEvaluationException : Exception
{
    public RuleSetEvaluationException()
    {
    }

    public RuleSetEvaluationException(string message)
        : base(message)
    {
    }

    public RuleSetEvaluationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
