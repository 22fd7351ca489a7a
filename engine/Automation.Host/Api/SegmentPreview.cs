using Automation.Engine.Expressions;

namespace Automation.Host.Api;

/// <summary>How many of all customers an expression holds for now, or why it cannot be evaluated.</summary>
public sealed record SegmentPreview(int Count, int Total, IReadOnlyList<ExpressionProblem> Problems);
