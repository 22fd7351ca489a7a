using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>Writes a line to the instance's journal (Elsa's WriteLine): a marker a marketer reads when tracing a customer.</summary>
[Activity("note", "Flow", "Note", "Writes a line to the customer's journal, then goes on")]
public sealed class Note : Activity<NoteSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, NoteSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityOutcome.Continue("done", settings.Text));

    protected override IEnumerable<(string Field, string Message)> Validate(NoteSettings settings, ValidationServices services)
    {
        if (settings.Text.Length > 500)
        {
            yield return ("text", "a note is at most 500 characters");
        }
    }
}
