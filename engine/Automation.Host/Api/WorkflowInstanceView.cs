using Automation.Storage.Workflows;

namespace Automation.Host.Api;

/// <summary>An instance of a workflow and where it stands.</summary>
public sealed record WorkflowInstanceView(
    Guid Id,
    string CustomerId,
    int Version,
    WorkflowInstanceStatus Status,
    string? CurrentActivityId,
    string? Bookmark,
    DateTime? WakeAt,
    string? Branch,
    Guid? ParentInstanceId,
    string? ForkActivityId,
    DateTime StartedAt,
    DateTime? EndedAt);
