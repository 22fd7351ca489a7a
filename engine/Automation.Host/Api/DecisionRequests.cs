namespace Automation.Host.Api;

public sealed record DecisionRequest(string? Comment);

public sealed record BatchDecisionRequest(string? WorkflowId, string? Comment);
