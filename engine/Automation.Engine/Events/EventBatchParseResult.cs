namespace Automation.Engine.Events;

/// <summary>The parsed items (null where an item is not an object), or why the body could not be read.</summary>
public sealed record EventBatchParseResult(IReadOnlyList<IncomingEvent?> Items, EventItemError? BodyError)
{
    public static EventBatchParseResult Ok(IReadOnlyList<IncomingEvent?> items) => new(items, null);

    public static EventBatchParseResult Failed(string field, string reason) => new([], new EventItemError(null, field, reason));
}
