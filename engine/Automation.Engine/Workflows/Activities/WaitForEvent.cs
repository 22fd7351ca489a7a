using System.Text.RegularExpressions;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("waitForEvent", "Flow", "Wait for event", "Waits until the customer does something (goes on by 'event'), or time runs out ('timeout')", Ports = ["event", "timeout"], Waits = true)]
public sealed partial class WaitForEvent : Activity<WaitForEventSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, WaitForEventSettings settings, CancellationToken cancellationToken)
    {
        IsoDuration.TryParse(settings.Timeout, out var timeout);
        if (context.Simulation is not null)
        {
            return Task.FromResult(ActivityOutcome.Continue("timeout", $"would wait up to {settings.Timeout} for {settings.Event}"));
        }

        var wakeAt = context.Now + timeout;
        return Task.FromResult(ActivityOutcome.Suspend(new Bookmark($"event:{settings.Event}", wakeAt, "timeout", settings.Event), $"waiting for {settings.Event} until {wakeAt:u}"));
    }

    protected override IEnumerable<(string Field, string Message)> Validate(WaitForEventSettings settings, ValidationServices services)
    {
        if (!EventType().IsMatch(settings.Event))
        {
            yield return ("event", "name the event type to wait for, e.g. purchase");
        }

        if (!IsoDuration.TryParse(settings.Timeout, out _))
        {
            yield return ("timeout", $"'{settings.Timeout}' is not an ISO 8601 duration such as P7D");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_.]*$")]
    private static partial Regex EventType();
}
