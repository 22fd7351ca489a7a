namespace Automation.Host.Api;

/// <summary>Events received in the minute starting at At.</summary>
public sealed record EventsInMinute(DateTime At, int Count);
