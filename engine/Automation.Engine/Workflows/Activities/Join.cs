using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>
/// Where a fork's branches meet: a branch that gets here ends, and the forked instance goes on by 'done' once the
/// mode is satisfied (Elsa's Join / FlowJoin). Outside a branch it simply goes on.
/// </summary>
[Activity(TypeName, "Flow", "Join", "Waits for the fork's branches: all of them, or the first to arrive (the others are cancelled); then goes on by 'done'")]
public sealed class Join : Activity<JoinSettings>
{
    public const string TypeName = "join";

    public const string All = "all";

    public const string Any = "any";

    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, JoinSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(context.Instance.ParentInstanceId is null
            ? ActivityOutcome.Continue("done", "no branches to wait for")
            : ActivityOutcome.Arrive("arrived at join"));

    protected override IEnumerable<(string Field, string Message)> Validate(JoinSettings settings, ValidationServices services)
    {
        if (settings.Mode is not (All or Any))
        {
            yield return ("mode", $"'{settings.Mode}' is not a join mode: use '{All}' (wait for every branch) or '{Any}' (the first one)");
        }
    }

    /// <summary>The join's mode as the runner applies it; a mode it does not know counts as "all", the safe wait.</summary>
    public static string ModeOf(Definitions.ActivityDefinition join)
    {
        ArgumentNullException.ThrowIfNull(join);
        try
        {
            return join.Read<JoinSettings>().Mode == Any ? Any : All;
        }
        catch (System.Text.Json.JsonException)
        {
            return All;
        }
    }
}
