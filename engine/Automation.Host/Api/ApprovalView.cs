using Automation.Plugins.Sdk;
using Automation.Storage.Approvals;

namespace Automation.Host.Api;

/// <summary>A request in the approvers' queue with its context, cost, budget, and whether the signed-in person may decide it.</summary>
public sealed record ApprovalView(
    Guid Id,
    string WorkflowId,
    string WorkflowName,
    int WorkflowVersion,
    string ActivityId,
    string? StepName,
    Guid? InstanceId,
    string CustomerId,
    string? CustomerEmail,
    string? ActionType,
    string? Segment,
    IReadOnlyList<ReasonCode> Reasons,
    decimal EstimatedCost,
    decimal BudgetUsedToday,
    decimal BudgetLeftToday,
    ApprovalStatus Status,
    DateTime RequestedAt,
    DateTime? ExpiresAt,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? Comment,
    string? PublishedBy,
    bool CanDecide,
    string? CannotDecideReason);
