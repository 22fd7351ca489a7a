namespace Automation.Engine.Workflows.Activities;

public sealed class AbTestSettings
{
    /// <summary>The variants and their shares while the test runs (percentages adding up to 100).</summary>
    public List<SplitBranch> Variants { get; set; } = [];

    /// <summary>No winner before every variant has at least this many customers.</summary>
    public int MinCustomersPerVariant { get; set; } = 100;

    /// <summary>The probability of being best a variant needs to win (0.5–0.999).</summary>
    public double Confidence { get; set; } = 0.95;
}
