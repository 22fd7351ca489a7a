namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Fact: a connector gave up on an action (permanent failure, or retries exhausted).</summary>
public sealed record ActionFailed(Guid ActionId, string ActionType, string Reason, int Attempts, DateTimeOffset FailedAt);
