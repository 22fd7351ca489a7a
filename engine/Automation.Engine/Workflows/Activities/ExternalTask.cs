using System.Text.RegularExpressions;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>
/// Waits until an external system completes the task through the API (Elsa's RunTask): e.g. a CRM confirms a call.
/// </summary>
[Activity("externalTask", "Flow", "External task", "Waits until an external system completes the task (POST /api/instances/{id}/tasks/{step}/complete), then goes on", Waits = true)]
public sealed partial class ExternalTask : Activity<ExternalTaskSettings>
{
    /// <summary>The bookmark an instance waits on at this step; the API resumes exactly this one.</summary>
    public static string BookmarkOf(string activityId) => $"task:{activityId}";

    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, ExternalTaskSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(context.Simulation is not null
            ? ActivityOutcome.Continue("done", $"would wait for task {settings.Task}")
            : ActivityOutcome.Suspend(new Bookmark(BookmarkOf(context.Activity.Id)), $"waiting for task {settings.Task}"));

    protected override IEnumerable<(string Field, string Message)> Validate(ExternalTaskSettings settings, ValidationServices services)
    {
        if (!TaskName().IsMatch(settings.Task))
        {
            yield return ("task", "name the task the external system completes, e.g. call-customer");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex TaskName();
}
