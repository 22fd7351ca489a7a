namespace Automation.Host.Api;

/// <summary>A published version, what changed against the one before, and how many current segment members it started for.</summary>
public sealed record WorkflowPublished(string Id, int Version, IReadOnlyList<string> Changes, int StartedForCurrentMembers);
