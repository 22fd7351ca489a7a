using System.Text.RegularExpressions;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>Sets a workflow variable to the value of an expression; later conditions and switches read it.</summary>
[Activity("setVariable", "Decide", "Set variable", "Sets a workflow variable to an expression's value (e.g. Variables.Number(\"reminders\") + 1), then goes on")]
public sealed partial class SetVariable : Activity<SetVariableSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, SetVariableSettings settings, CancellationToken cancellationToken)
    {
        var value = context.Services.Expressions.CompileStep(settings.Value, condition: false).Evaluate(context.Features, context.Scores, context.Variables);
        context.SetVariable(settings.Variable, value);
        return Task.FromResult(ActivityOutcome.Continue("done", $"{settings.Variable} = {context.Variables.Text(settings.Variable)}"));
    }

    protected override IEnumerable<(string Field, string Message)> Validate(SetVariableSettings settings, ValidationServices services)
    {
        if (!VariableName().IsMatch(settings.Variable))
        {
            yield return ("variable", "name the variable: letters, digits and underscores, starting with a letter");
        }

        foreach (var problem in ExpressionProblems.Of(services.Expressions, "value", settings.Value, condition: false))
        {
            yield return problem;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,59}$")]
    internal static partial Regex VariableName();
}
