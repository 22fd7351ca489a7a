namespace Automation.Engine.Expressions;

/// <summary>Why an expression was refused, and where (0-based character position, when known).</summary>
public sealed record ExpressionProblem(string Message, int? Position);
