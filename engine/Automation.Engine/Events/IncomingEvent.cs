using System.Text.Json;

namespace Automation.Engine.Events;

/// <summary>
/// One event as a producer sent it, fields kept raw so that each bad field can be named
/// instead of failing the whole body on the first type mismatch.
/// </summary>
public sealed record IncomingEvent(
    string? Id,
    string? CustomerId,
    string? Type,
    string? Timestamp,
    JsonElement? Value,
    JsonElement? Properties);
