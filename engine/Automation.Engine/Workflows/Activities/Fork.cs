using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>
/// Parallel branches: the runner starts one branch instance per connected port and the instance waits at the fork
/// until its join lets it go on (Elsa's Fork / FlowFork).
/// </summary>
[Activity(TypeName, "Flow", "Fork", "Runs every branch at once (e.g. send the email and alert sales); a join further on waits for them", Ports = ["left", "right"])]
public sealed class Fork : Activity<ForkSettings>
{
    public const string TypeName = "fork";

    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, ForkSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityOutcome.Fork(settings.Branches, $"forked into {string.Join(", ", settings.Branches)}"));

    protected override IReadOnlyList<string>? Ports(ForkSettings settings, ValidationServices services) =>
        settings.Branches.Count == 0 ? null : settings.Branches;

    protected override IEnumerable<(string Field, string Message)> Validate(ForkSettings settings, ValidationServices services)
    {
        if (settings.Branches.Count < 2)
        {
            yield return ("branches", "a fork needs at least two branches");
        }

        if (settings.Branches.Any(string.IsNullOrWhiteSpace) || settings.Branches.Distinct(StringComparer.Ordinal).Count() != settings.Branches.Count)
        {
            yield return ("branches", "every branch needs its own port name");
        }
    }
}
