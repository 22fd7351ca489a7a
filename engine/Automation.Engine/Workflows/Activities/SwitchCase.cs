namespace Automation.Engine.Workflows.Activities;

public sealed class SwitchCase
{
    /// <summary>The port this case leaves by.</summary>
    public string Port { get; set; } = "";

    /// <summary>A condition over Features, Scores and Variables.</summary>
    public string Condition { get; set; } = "";
}
