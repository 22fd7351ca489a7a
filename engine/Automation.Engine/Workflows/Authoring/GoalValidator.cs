using Automation.Engine.Expressions;
using Automation.Engine.Workflows.Definitions;
using FluentValidation;

namespace Automation.Engine.Workflows.Authoring;

public sealed class GoalValidator : AbstractValidator<GoalDefinition>
{
    public GoalValidator(ProfileExpressionCompiler expressions)
    {
        RuleFor(g => g).Must(g => !string.IsNullOrWhiteSpace(g.Event) || !string.IsNullOrWhiteSpace(g.Expression)).OverridePropertyName("goal")
            .WithMessage("say which event or expression reaches the goal, or remove the goal");
        RuleFor(g => g.Event).Matches("^[a-z][a-z0-9_.]*$").OverridePropertyName("goal.event")
            .WithMessage("an event type is lower-case letters, digits, dots and underscores").When(g => !string.IsNullOrWhiteSpace(g.Event));
        RuleFor(g => g.Name).MaximumLength(100).OverridePropertyName("goal.name");
        RuleFor(g => g.Expression).Custom((expression, context) =>
        {
            if (!expressions.TryCompileStep(expression, condition: true, out _, out var problems))
            {
                foreach (var problem in problems)
                {
                    context.AddFailure("goal.expression", problem.Position is { } at ? $"{problem.Message} (at character {at})" : problem.Message);
                }
            }
        }).When(g => !string.IsNullOrWhiteSpace(g.Expression));
    }
}
