using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("waitForDuration", "Flow", "Wait", "Waits for a while (ISO 8601 duration, e.g. P3D), then goes on", Waits = true)]
public sealed class WaitForDuration : Activity<WaitForDurationSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, WaitForDurationSettings settings, CancellationToken cancellationToken)
    {
        IsoDuration.TryParse(settings.Duration, out var duration);
        if (context.Simulation is not null)
        {
            return Task.FromResult(ActivityOutcome.Continue("done", $"would wait {settings.Duration}"));
        }

        var wakeAt = context.Now + duration;
        return Task.FromResult(ActivityOutcome.Suspend(new Bookmark("timer", wakeAt, "done"), $"waiting until {wakeAt:u}"));
    }

    protected override IEnumerable<(string Field, string Message)> Validate(WaitForDurationSettings settings, ValidationServices services)
    {
        if (!IsoDuration.TryParse(settings.Duration, out _))
        {
            yield return ("duration", $"'{settings.Duration}' is not an ISO 8601 duration such as PT4H or P3D");
        }
    }
}
