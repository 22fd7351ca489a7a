namespace Automation.Storage.Approvals;

/// <summary>
/// One decision for many customers: the budget-affecting requests of one workflow version's step that arrived within
/// the grouping window while it was undecided. Its members are <see cref="ApprovalRequest"/> rows with its id.
/// </summary>
public sealed class ApprovalGroup
{
    public Guid Id { get; set; }

    public required string WorkflowId { get; set; }

    public int WorkflowVersion { get; set; }

    public required string ActivityId { get; set; }

    public string? ActionType { get; set; }

    public ApprovalStatus Status { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? Comment { get; set; }
}
