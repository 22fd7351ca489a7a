namespace Automation.Host.Api;

/// <summary>A batch made durable: how many events were new, and how many were ids already stored.</summary>
public sealed record EventsAccepted(int Accepted, int Duplicates);
