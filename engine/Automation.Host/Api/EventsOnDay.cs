namespace Automation.Host.Api;

/// <summary>Events that happened (by their own timestamp) on the day starting at Day, UTC.</summary>
public sealed record EventsOnDay(DateTime Day, int Count);
