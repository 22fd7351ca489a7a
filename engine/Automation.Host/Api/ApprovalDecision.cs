using Automation.Storage.Approvals;

namespace Automation.Host.Api;

/// <summary>A decided approval: by whom, when, with which comment.</summary>
public sealed record ApprovalDecision(Guid Id, ApprovalStatus Status, string? DecidedBy, DateTime? DecidedAt, string? Comment);
