using Automation.Storage.Workflows;

namespace Automation.Host.Api;

/// <summary>One version of a workflow: who made and published it, when.</summary>
public sealed record WorkflowVersionView(int Version, WorkflowVersionStatus Status, string? CreatedBy, DateTime CreatedAt, string? PublishedBy, DateTime? PublishedAt);
