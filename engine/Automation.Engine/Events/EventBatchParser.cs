using System.Runtime.InteropServices;
using System.Text.Json;

namespace Automation.Engine.Events;

/// <summary>Reads a batch body {"events":[…]} leniently, so that the validator can name each bad field.</summary>
public static class EventBatchParser
{
    /// <summary>
    /// Parses the body where it lies: the items' value and properties are elements of the body's one document, not
    /// copies of their own (a copy each was two documents per event), so <paramref name="utf8Json"/> must stay unchanged
    /// until the result, which owns the document, is disposed.
    /// </summary>
    public static EventBatchParseResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return EventBatchParseResult.Failed("body", $"malformed JSON: {ex.Message}");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events))
        {
            document.Dispose();
            return EventBatchParseResult.Failed("events", "the body must be an object with an \"events\" array");
        }

        if (events.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            return EventBatchParseResult.Failed("events", "\"events\" must be an array");
        }

        var items = new List<IncomingEvent?>(events.GetArrayLength());
        foreach (var item in events.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.Object ? Read(item) : null);
        }

        return EventBatchParseResult.Ok(items, document);
    }

    private static IncomingEvent Read(JsonElement item) => new(
        Text(item, "id"),
        Text(item, "customerId"),
        Text(item, "type"),
        Text(item, "timestamp"),
        Member(item, "value"),
        Member(item, "properties"));

    private static JsonElement? Member(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Strings as they are; numbers (ids sent as numbers) as their text; anything else as not given.</summary>
    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => String(value),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>
    /// The reader refuses a string of invalid UTF-8 or with an unpaired surrogate escape (it answered 500): such a one is
    /// read leniently, keeping the defect, for the validator to refuse by field.
    /// </summary>
    private static string? String(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return UnicodeText.DecodeLeniently(JsonMarshal.GetRawUtf8Value(value));
        }
    }
}
