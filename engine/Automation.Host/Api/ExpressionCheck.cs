using Automation.Engine.Expressions;

namespace Automation.Host.Api;

/// <summary>Whether an expression compiles, and its problems with their positions.</summary>
public sealed record ExpressionCheck(bool Valid, IReadOnlyList<ExpressionProblem> Problems);
