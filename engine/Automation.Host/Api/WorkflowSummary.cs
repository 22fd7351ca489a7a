using Automation.Engine.Workflows.Definitions;

namespace Automation.Host.Api;

/// <summary>A workflow in the list with its status, trigger and recent entries.</summary>
public sealed record WorkflowSummary(
    string Id,
    string Name,
    string Description,
    string Status,
    bool Enabled,
    int? PublishedVersion,
    int LatestVersion,
    TriggerDefinition? Trigger,
    int ActiveInstances,
    int Entered7d);
