namespace Automation.Host.Outages;

/// <summary>What is known of one dependency's outage: since when, how many attempts failed, the first reason.</summary>
public sealed record OutageState(DateTimeOffset Since, long FailedAttempts, string Reason);
