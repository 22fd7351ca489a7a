namespace Automation.Engine.Approvals;

/// <summary>An approver's one decision on a group: approve or reject, the customers taken out of it first, and why.</summary>
public sealed record GroupDecision(Guid GroupId, string Actor, bool Approve, string? Comment, IReadOnlyCollection<string> Removed);
