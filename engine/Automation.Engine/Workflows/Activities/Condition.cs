using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("condition", "Decide", "Condition", "Goes on by 'true' or 'false' depending on an expression over the customer's features, scores and the workflow's variables", Ports = ["true", "false"])]
public sealed class Condition : Activity<ConditionSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, ConditionSettings settings, CancellationToken cancellationToken)
    {
        var expression = context.Services.Expressions.CompileStep(settings.Expression, condition: true);
        var holds = expression.Holds(context.Features, context.Scores, context.Variables);
        return Task.FromResult(ActivityOutcome.Continue(holds ? "true" : "false", $"{settings.Expression} is {(holds ? "true" : "false")}"));
    }

    protected override IEnumerable<(string Field, string Message)> Validate(ConditionSettings settings, ValidationServices services)
    {
        if (!services.Expressions.TryCompileStep(settings.Expression, condition: true, out _, out var problems))
        {
            foreach (var problem in problems)
            {
                yield return ("expression", problem.Position is { } at ? $"{problem.Message} (at character {at})" : problem.Message);
            }
        }
    }
}
