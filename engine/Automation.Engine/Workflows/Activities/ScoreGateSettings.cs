namespace Automation.Engine.Workflows.Activities;

public sealed class ScoreGateSettings
{
    /// <summary>ChurnRisk, PurchasePropensity, Recency, Frequency or Monetary.</summary>
    public string Score { get; set; } = "ChurnRisk";

    /// <summary>Passes when the score is at or above this value.</summary>
    public double Threshold { get; set; }
}
