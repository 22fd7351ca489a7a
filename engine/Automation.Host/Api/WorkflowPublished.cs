namespace Automation.Host.Api;

/// <summary>A published version and what changed against the one before.</summary>
public sealed record WorkflowPublished(string Id, int Version, IReadOnlyList<string> Changes);
