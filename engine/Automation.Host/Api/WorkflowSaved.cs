namespace Automation.Host.Api;

/// <summary>A workflow draft's save: its id and version.</summary>
public sealed record WorkflowSaved(string Id, int Version);
