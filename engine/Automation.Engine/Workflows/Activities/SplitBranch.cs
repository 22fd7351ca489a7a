namespace Automation.Engine.Workflows.Activities;

/// <summary>One way out of a split: its port and the share of customers it gets.</summary>
public sealed class SplitBranch
{
    public string Port { get; set; } = "";

    public double Percent { get; set; }
}
