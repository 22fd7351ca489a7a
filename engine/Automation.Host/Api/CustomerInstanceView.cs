using Automation.Storage.Workflows;

namespace Automation.Host.Api;

/// <summary>A workflow instance of the customer.</summary>
public sealed record CustomerInstanceView(Guid Id, string WorkflowId, int Version, WorkflowInstanceStatus Status, string? CurrentActivityId, string? Bookmark, DateTime StartedAt, DateTime? EndedAt, string? Branch, Guid? ParentInstanceId);
