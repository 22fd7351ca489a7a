using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("end", "Flow", "End", "Ends the customer's run through the workflow", Ports = [])]
public sealed class End : Activity<NoSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, NoSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityOutcome.End("ended"));
}
