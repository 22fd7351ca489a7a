namespace Automation.Engine.Workflows.Activities;

public sealed class SwitchSettings
{
    /// <summary>Checked in order; the first that holds decides the port.</summary>
    public IList<SwitchCase> Cases { get; set; } = [];
}
