using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>
/// A multi-way branch (Elsa's FlowSwitch): goes on by the first case whose condition holds, else by "default".
/// </summary>
[Activity(TypeName, "Decide", "Switch", "Goes on by the first case whose condition holds (over features, scores and variables), else by 'default'", Ports = ["default"])]
public sealed class Switch : Activity<SwitchSettings>
{
    public const string TypeName = "switch";

    public const string DefaultPort = "default";

    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, SwitchSettings settings, CancellationToken cancellationToken)
    {
        foreach (var @case in settings.Cases)
        {
            if (context.Services.Expressions.CompileStep(@case.Condition, condition: true).Holds(context.Features, context.Scores, context.Variables))
            {
                return Task.FromResult(ActivityOutcome.Continue(@case.Port, $"case {@case.Port}: {@case.Condition}"));
            }
        }

        return Task.FromResult(ActivityOutcome.Continue(DefaultPort, "no case held: default"));
    }

    protected override IReadOnlyList<string>? Ports(SwitchSettings settings, ValidationServices services) =>
        [.. settings.Cases.Select(c => c.Port), DefaultPort];

    protected override IEnumerable<(string Field, string Message)> Validate(SwitchSettings settings, ValidationServices services)
    {
        if (settings.Cases.Count == 0)
        {
            yield return ("cases", "add at least one case");
        }

        var ports = settings.Cases.Select(c => c.Port).ToList();
        if (ports.Any(string.IsNullOrWhiteSpace) || ports.Contains(DefaultPort) || ports.Distinct(StringComparer.Ordinal).Count() != ports.Count)
        {
            yield return ("cases", "every case needs its own port name (not 'default')");
        }

        for (var i = 0; i < settings.Cases.Count; i++)
        {
            foreach (var problem in ExpressionProblems.Of(services.Expressions, $"cases[{i}].condition", settings.Cases[i].Condition, condition: true))
            {
                yield return problem;
            }
        }
    }
}
