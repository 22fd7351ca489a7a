using Automation.Engine.Expressions;

namespace Automation.Engine.Workflows.Activities;

/// <summary>An expression's problems as validation messages for one setting of a step.</summary>
internal static class ExpressionProblems
{
    public static IEnumerable<(string Field, string Message)> Of(ProfileExpressionCompiler compiler, string field, string? text, bool condition) =>
        compiler.TryCompileStep(text, condition, out _, out var problems)
            ? []
            : problems.Select(p => (field, p.Position is { } at ? $"{p.Message} (at character {at})" : p.Message));
}
