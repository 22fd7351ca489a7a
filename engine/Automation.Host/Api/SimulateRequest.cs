using Automation.Engine.Workflows.Definitions;

namespace Automation.Host.Api;

/// <summary>A dry-run request: how many days of event history to consider, and optionally an unsaved definition.</summary>
public sealed record SimulateRequest(int? Days, WorkflowDefinition? Definition);
