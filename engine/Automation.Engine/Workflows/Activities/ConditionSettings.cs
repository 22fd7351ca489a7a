namespace Automation.Engine.Workflows.Activities;

public sealed class ConditionSettings
{
    /// <summary>An expression over Features and Scores, e.g. "Scores.ChurnRisk >= 0.7".</summary>
    public string Expression { get; set; } = "";
}
