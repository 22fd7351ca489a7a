using Automation.Storage.Approvals;

namespace Automation.Host.Api;

/// <summary>A decided group: by whom, and how many of its requests were approved, rejected, and taken out.</summary>
public sealed record GroupDecisionView(Guid Id, ApprovalStatus Status, string? DecidedBy, DateTime? DecidedAt, string? Comment, int Approved, int Rejected, int Removed);
