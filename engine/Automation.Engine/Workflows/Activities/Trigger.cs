using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>The start node as drawn; what starts the workflow is the definition's trigger.</summary>
[Activity("trigger", "Start", "Trigger", "Where the workflow starts: a customer entering or leaving a segment, a score crossing a threshold, or an event")]
public sealed class Trigger : Activity<NoSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, NoSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityOutcome.Continue("done", "started"));
}
