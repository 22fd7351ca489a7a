using Automation.Engine.Workflows.Definitions;

namespace Automation.Host.Api;

/// <summary>A workflow: its latest definition and version history.</summary>
public sealed record WorkflowView(
    string Id,
    string Name,
    string Status,
    bool Enabled,
    int? PublishedVersion,
    int LatestVersion,
    WorkflowDefinition Definition,
    IReadOnlyList<WorkflowVersionView> Versions);
