namespace Automation.Storage.Approvals;

/// <summary>A budget-affecting action or an explicit approval step, waiting for a human decision.</summary>
public sealed class ApprovalRequest
{
    public Guid Id { get; set; }

    public Guid? ActionId { get; set; }

    public Guid? InstanceId { get; set; }

    /// <summary>The group decided as one, when the step was reached by many customers within the grouping window.</summary>
    public Guid? GroupId { get; set; }

    public required string WorkflowId { get; set; }

    public int WorkflowVersion { get; set; }

    public required string ActivityId { get; set; }

    public required string CustomerId { get; set; }

    public string? ActionType { get; set; }

    public string? Segment { get; set; }

    public string ReasonsJson { get; set; } = "[]";

    public decimal EstimatedCost { get; set; }

    public ApprovalStatus Status { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? Comment { get; set; }
}
