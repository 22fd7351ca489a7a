using Automation.Plugins.Sdk;
using Automation.Storage.Approvals;

namespace Automation.Host.Api;

/// <summary>A customer in an approval group, with why they are in the audience and their request's state.</summary>
public sealed record GroupMemberView(Guid ApprovalId, string CustomerId, string? CustomerEmail, IReadOnlyList<ReasonCode> Reasons, decimal EstimatedCost, ApprovalStatus Status, string? Comment);
