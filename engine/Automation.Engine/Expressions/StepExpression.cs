using Automation.Engine.Profiles;

namespace Automation.Engine.Expressions;

/// <summary>A compiled, sandbox-checked workflow step expression over features, scores and the instance's variables.</summary>
public sealed record StepExpression(string Text, Func<CustomerFeatures, CustomerScores, WorkflowVariables, object?> Evaluate)
{
    /// <summary>The expression as a condition: true only when it evaluates to true.</summary>
    public bool Holds(CustomerFeatures features, CustomerScores scores, WorkflowVariables variables) => Evaluate(features, scores, variables) is true;
}
