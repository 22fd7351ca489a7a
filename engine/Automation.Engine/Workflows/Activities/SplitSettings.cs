namespace Automation.Engine.Workflows.Activities;

public sealed class SplitSettings
{
    /// <summary>Percentages adding up to 100; a branch named "holdout" is the control group for uplift.</summary>
    public List<SplitBranch> Branches { get; set; } = [];
}
