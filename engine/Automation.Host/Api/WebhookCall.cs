namespace Automation.Host.Api;

/// <summary>The body of a call to a workflow's inbound webhook: the customer it is about.</summary>
public sealed record WebhookCall(string? CustomerId);

/// <summary>What the call did: "started", "resumed" or "notStarted" (already in, or re-entry said no), and the instance.</summary>
public sealed record WebhookAccepted(string Outcome, Guid? InstanceId);
