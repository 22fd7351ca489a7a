namespace Automation.Engine.Workflows.Activities;

public sealed class ApprovalSettings
{
    /// <summary>What the approver is asked to decide, shown in the inbox.</summary>
    public string Question { get; set; } = "Continue with this customer?";

    /// <summary>Estimated spend the decision commits to, shown to the approver.</summary>
    public decimal EstimatedCost { get; set; }
}
