namespace Automation.Engine.Workflows.Activities;

public sealed class ForkSettings
{
    /// <summary>The branch ports; every connected one runs in parallel, as its own branch instance.</summary>
    public List<string> Branches { get; set; } = [];
}
