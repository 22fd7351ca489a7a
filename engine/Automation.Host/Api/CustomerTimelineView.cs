namespace Automation.Host.Api;

/// <summary>The first page of a customer's events; Next is the address of the page after it, absent on the last.</summary>
public sealed record CustomerTimelineView(IReadOnlyList<CustomerTimeline.Entry> Events, int TotalEvents, string? Next);
