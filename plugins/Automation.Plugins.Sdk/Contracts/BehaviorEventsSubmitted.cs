using System.Text.Json;

namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Command: ingest behavioral events through the bus door (same validation as POST /api/events).</summary>
public sealed record BehaviorEventsSubmitted(IReadOnlyList<SubmittedEvent> Events);

/// <summary>One event as a producer sends it.</summary>
public sealed record SubmittedEvent(
    string? Id,
    string? CustomerId,
    string? Type,
    DateTimeOffset? Timestamp,
    decimal? Value,
    JsonElement? Properties);
