using Automation.Storage.Workflows;

namespace Automation.Host.Api;

/// <summary>A branch a fork started: the port it left by, where it stands and its steps.</summary>
public sealed record InstanceBranchView(
    Guid Id,
    string? ForkActivityId,
    string? Port,
    WorkflowInstanceStatus Status,
    string? CurrentActivityId,
    string? Bookmark,
    DateTime? WakeAt,
    DateTime StartedAt,
    DateTime? EndedAt,
    IReadOnlyList<InstanceStepView> Steps);
