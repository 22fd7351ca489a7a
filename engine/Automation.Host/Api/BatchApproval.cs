namespace Automation.Host.Api;

/// <summary>How many of a workflow's pending requests were approved, and which were refused and why.</summary>
public sealed record BatchApproval(int Approved, IReadOnlyList<RefusedApproval> Refused);
