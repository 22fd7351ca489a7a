using Automation.Engine.Expressions;
using FluentValidation;

namespace Automation.Host.Api;

public sealed class SegmentInputValidator : AbstractValidator<SegmentInput>
{
    public SegmentInputValidator(ProfileExpressionCompiler compiler)
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("give the segment a name").MaximumLength(200);
        RuleFor(s => s.Expression).NotEmpty().WithMessage("write the expression customers must meet");
        RuleFor(s => s.Expression).Custom((text, context) =>
        {
            if (!string.IsNullOrEmpty(text) && !compiler.TryCompile(text, out _, out var problems))
            {
                foreach (var p in problems)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("expression", p.Message) { CustomState = p.Position });
                }
            }
        });
        RuleFor(s => s.ScoreMember).Must(m => m is null || ProfileExpressionCompiler.KnownMembers().Contains(m) && m.StartsWith("Scores.", StringComparison.Ordinal))
            .WithMessage("use a score such as Scores.ChurnRisk");
        RuleFor(s => s.EnterThreshold).NotNull().When(s => s.ScoreMember is not null).WithMessage("a score segment needs an enter threshold");
        RuleFor(s => s).Must(s => s.ExitThreshold is null || s.EnterThreshold is null || s.ExitThreshold <= s.EnterThreshold)
            .OverridePropertyName("exitThreshold").WithMessage("the exit threshold must not be above the enter threshold (hysteresis)");
        RuleFor(s => s.TtlDays).InclusiveBetween(1, 3650).When(s => s.TtlDays is not null);
        RuleFor(s => s.MinimumSize).InclusiveBetween(0, 10_000_000).When(s => s.MinimumSize is not null);
    }
}
