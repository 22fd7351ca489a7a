namespace Automation.Engine.Workflows.Activities;

public sealed class RuleSetBranchSettings
{
    /// <summary>The key of a saved rule set (PUT /api/rule-sets/{key}).</summary>
    public string RuleSet { get; set; } = "";
}
