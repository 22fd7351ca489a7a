namespace Automation.Host.Api;

/// <summary>One journaled step as the instance history shows it.</summary>
public sealed record InstanceStepView(string ActivityId, string ActivityType, DateTime At, string? Port, string Summary);
