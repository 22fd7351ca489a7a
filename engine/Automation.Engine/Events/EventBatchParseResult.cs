using System.Text.Json;

namespace Automation.Engine.Events;

/// <summary>
/// The parsed items (null where an item is not an object), or why the body could not be read. The items' JSON members
/// belong to the body's document, which this result owns: dispose it once the items are ingested.
/// </summary>
public sealed record EventBatchParseResult(IReadOnlyList<IncomingEvent?> Items, EventItemError? BodyError) : IDisposable
{
    private JsonDocument? document;

    public static EventBatchParseResult Ok(IReadOnlyList<IncomingEvent?> items, JsonDocument document) => new(items, null) { document = document };

    public static EventBatchParseResult Failed(string field, string reason) => new([], new EventItemError(null, field, reason));

    public void Dispose()
    {
        document?.Dispose();
        document = null;
    }
}
