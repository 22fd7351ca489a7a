using Automation.Storage.Approvals;

namespace Automation.Engine.Approvals;

/// <summary>How a decision went: done, refused (four-eyes, role) with why, already decided, or not found.</summary>
public sealed record DecisionResult(DecisionStatus Status, string? Why, ApprovalRequest? Approval);
