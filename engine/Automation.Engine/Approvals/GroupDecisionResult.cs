using Automation.Storage.Approvals;

namespace Automation.Engine.Approvals;

/// <summary>How a group decision went, and how many of its requests it approved, rejected, and took out.</summary>
public sealed record GroupDecisionResult(DecisionStatus Status, string? Why, ApprovalGroup? Group, int Approved = 0, int Rejected = 0, int Removed = 0);
