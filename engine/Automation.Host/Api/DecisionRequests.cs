namespace Automation.Host.Api;

/// <summary>An approver's decision; a rejection must say why.</summary>
public sealed record DecisionRequest(string? Comment)
{
    public const int MaxCommentLength = 2000;
}

public sealed record BatchDecisionRequest(string? WorkflowId, string? Comment);
