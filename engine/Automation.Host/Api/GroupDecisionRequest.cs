namespace Automation.Host.Api;

/// <summary>An approver's decision on a group: the customers to take out of it first, and a comment (a rejection says why).</summary>
public sealed record GroupDecisionRequest(string? Comment, IReadOnlyList<string>? Remove)
{
    public const int MaxRemoved = 10_000;
}
