using Automation.Storage.Approvals;

namespace Automation.Host.Api;

/// <summary>
/// A grouped approval as the approver sees it: how many customers, a sample of them with their reasons, the estimated
/// total cost against what is left of the workflow's budget today, and whether the signed-in person may decide it.
/// </summary>
public sealed record ApprovalGroupView(
    Guid Id,
    string WorkflowId,
    string WorkflowName,
    int WorkflowVersion,
    string ActivityId,
    string? StepName,
    string? ActionType,
    int AudienceSize,
    IReadOnlyList<GroupMemberView> Sample,
    decimal EstimatedTotalCost,
    decimal BudgetUsedToday,
    decimal BudgetLeftToday,
    ApprovalStatus Status,
    DateTime OpenedAt,
    DateTime? ExpiresAt,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? Comment,
    string? PublishedBy,
    bool CanDecide,
    string? CannotDecideReason);
