using Automation.Engine.Expressions;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Schedules;
using FluentValidation;

namespace Automation.Engine.Workflows.Authoring;

public sealed class TriggerValidator : AbstractValidator<TriggerDefinition>
{
    public TriggerValidator(ProfileExpressionCompiler expressions)
    {
        RuleFor(t => t.Type).Must(TriggerTypes.All.Contains).OverridePropertyName("type")
            .WithMessage($"use one of {string.Join(", ", TriggerTypes.All)}");
        RuleFor(t => t.Segment).NotEmpty().OverridePropertyName("segment").WithMessage("choose the segment")
            .When(t => t.Type is TriggerTypes.SegmentEntered or TriggerTypes.SegmentExited or TriggerTypes.Schedule);
        RuleFor(t => t.Cron).Empty().OverridePropertyName("cron")
            .WithMessage("give either a cron schedule or a one-off time (at), not both").When(t => t.Type == TriggerTypes.Schedule && t.At is not null && !string.IsNullOrWhiteSpace(t.Cron));
        RuleFor(t => t.Cron).Custom((cron, context) =>
        {
            if (AudienceSchedule.TryParse(cron, out var problem) is null)
            {
                context.AddFailure("cron", problem!);
            }
        }).When(t => t.Type == TriggerTypes.Schedule && t.At is null);
        RuleFor(t => t.Score).Must(s => s is not null && ScoreGate.Scores.Contains(s)).OverridePropertyName("score")
            .WithMessage($"choose one of {string.Join(", ", ScoreGate.Scores)}").When(t => t.Type == TriggerTypes.ScoreCrossed);
        RuleFor(t => t.Threshold).NotNull().OverridePropertyName("threshold").WithMessage("give the threshold")
            .When(t => t.Type == TriggerTypes.ScoreCrossed);
        RuleFor(t => t.Direction).Must(d => d is "up" or "down").OverridePropertyName("direction").WithMessage("use up or down")
            .When(t => t.Type == TriggerTypes.ScoreCrossed);
        RuleFor(t => t.Event).NotEmpty().Matches("^[a-z][a-z0-9_.]*$").OverridePropertyName("event").WithMessage("name the event type")
            .When(t => t.Type == TriggerTypes.Event);
        RuleFor(t => t.Secret).Must(s => s is { Length: >= 16 and <= 200 } && !s.Any(char.IsWhiteSpace)).OverridePropertyName("secret")
            .WithMessage("give the webhook a secret of at least 16 characters without spaces").When(t => t.Type == TriggerTypes.Webhook);
        RuleFor(t => t.Filter).Custom((filter, context) =>
        {
            if (!expressions.TryCompileEventFilter(filter, out _, out var problems))
            {
                foreach (var problem in problems)
                {
                    context.AddFailure("filter", problem.Position is { } at ? $"{problem.Message} (at character {at})" : problem.Message);
                }
            }
        }).When(t => t.Type == TriggerTypes.Event && !string.IsNullOrWhiteSpace(t.Filter));
    }
}
