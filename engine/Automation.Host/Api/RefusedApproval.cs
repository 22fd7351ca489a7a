namespace Automation.Host.Api;

/// <summary>A request the batch could not approve, and why (four-eyes, already decided).</summary>
public sealed record RefusedApproval(Guid Id, string? Reason);
