using Automation.Storage.Workflows;

namespace Automation.Host.Api;

/// <summary>One instance and the path it took, with its fork's branches.</summary>
public sealed record InstanceView(
    Guid Id,
    string WorkflowId,
    int Version,
    string CustomerId,
    WorkflowInstanceStatus Status,
    string? CurrentActivityId,
    string? Bookmark,
    DateTime? WakeAt,
    string? Branch,
    Guid? ParentInstanceId,
    string? ForkActivityId,
    DateTime StartedAt,
    DateTime? EndedAt,
    IReadOnlyList<InstanceStepView> Steps,
    IReadOnlyList<InstanceBranchView> Branches);
