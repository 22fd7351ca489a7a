using Automation.Engine.Events;

namespace Automation.Host.Api;

/// <summary>The body of POST /api/events as the OpenAPI document describes it: { "events": [ … ] }.</summary>
public sealed record EventBatchRequest(IReadOnlyList<IncomingEvent> Events);
