using Automation.Engine.Expressions;
using Automation.Storage.Segments;

namespace Automation.Engine.Segments;

/// <summary>A segment definition with its expression compiled once.</summary>
public sealed record CompiledSegment(SegmentDefinitionRecord Definition, ProfileExpression Expression)
{
    public string Key => Definition.Key;

    /// <summary>The reasons entries are written with, shared between entries of equal values.</summary>
    public SegmentReasons Reasons { get; } = new(Expression.Members);
}
