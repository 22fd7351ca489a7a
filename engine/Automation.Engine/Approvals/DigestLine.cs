namespace Automation.Engine.Approvals;

/// <summary>What waits in one workflow: how many requests, since when, and what they would spend.</summary>
public sealed record DigestLine(string WorkflowId, string WorkflowName, int Waiting, DateTime OldestRequestedAt, decimal EstimatedCost);
