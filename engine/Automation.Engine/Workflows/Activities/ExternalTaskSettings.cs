namespace Automation.Engine.Workflows.Activities;

public sealed class ExternalTaskSettings
{
    /// <summary>The task's name, as the external system knows it.</summary>
    public string Task { get; set; } = "";
}
