namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Fact: a connector carried out an action.</summary>
public sealed record ActionCompleted(Guid ActionId, string ActionType, string? Detail, int Attempts, DateTimeOffset CompletedAt);
