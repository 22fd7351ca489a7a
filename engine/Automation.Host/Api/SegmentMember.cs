using Automation.Plugins.Sdk;

namespace Automation.Host.Api;

/// <summary>A member of a segment and why they qualified.</summary>
public sealed record SegmentMember(string CustomerId, string? Email, string? Name, DateTime EnteredAt, IReadOnlyList<ReasonCode> Reasons);
