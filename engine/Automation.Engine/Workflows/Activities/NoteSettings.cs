namespace Automation.Engine.Workflows.Activities;

public sealed class NoteSettings
{
    /// <summary>The line written to the journal.</summary>
    public string Text { get; set; } = "";
}
