namespace Automation.Engine.Workflows.Activities;

public sealed class WaitForDurationSettings
{
    /// <summary>ISO 8601 duration, e.g. "PT4H" or "P3D".</summary>
    public string Duration { get; set; } = "P1D";
}
