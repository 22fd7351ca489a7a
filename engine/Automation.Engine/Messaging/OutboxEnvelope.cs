using System.Diagnostics;
using System.Text.Json;
using Automation.Storage.Messaging;

namespace Automation.Engine.Messaging;

/// <summary>
/// Many published messages of one unit of work in a few outbox rows, relayed one by one in their order. A processing
/// batch announces about a thousand segment changes; with a row each, the relay fell behind the processor (over HTTP,
/// 300k events left 82,822 messages to relay for 21 s after the last event was processed), as every row was read,
/// published and deleted on its own.
/// </summary>
public static class OutboxEnvelope
{
    /// <summary>The row's MessageType; never a contract name, so no consumer ever sees it.</summary>
    public const string TypeName = "envelope";

    /// <summary>One message of an envelope: its contract name, the id it is published with, and its body.</summary>
    public sealed record Item(string Type, Guid Id, JsonElement Body);

    // A hundred messages keep a row (and its text) well under SQLite's overflow chains and .NET's large object heap.
    private const int MessagesPerRow = 100;

    /// <summary>The rows carrying these messages in order, each message with an id of its own (consumers deduplicate by it).</summary>
    public static List<OutboxMessage> Create(IReadOnlyList<object> messages, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rows = new OutboxMessage[(messages.Count + MessagesPerRow - 1) / MessagesPerRow];
        var traceParent = Activity.Current is { Recorded: true } span ? span.Id : null;

        // Rows are independent: a batch's 150k messages are serialized on every core, not one (a write that nothing else
        // overlaps waited for them).
        Parallel.For(0, rows.Length, r => rows[r] = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = TypeName,
            Body = StateJson.Write((messages, first: r * MessagesPerRow), static (json, chunk) => WriteItems(json, chunk.messages, chunk.first)),
            CreatedAt = nowUtc,
            TraceParent = traceParent,
        });

        return [.. rows];
    }

    public static List<Item> Read(string body) => JsonSerializer.Deserialize<List<Item>>(body, MessageTypes.Json)
        ?? throw new InvalidOperationException("an outbox envelope holds no message list");

    /// <summary>The body of an envelope holding only these items (what is left after a relay failed part-way).</summary>
    public static string Write(IEnumerable<Item> items) => JsonSerializer.Serialize(items, MessageTypes.Json);

    private static void WriteItems(Utf8JsonWriter json, IReadOnlyList<object> messages, int first)
    {
        json.WriteStartArray();
        for (var i = first; i < Math.Min(first + MessagesPerRow, messages.Count); i++)
        {
            var type = messages[i].GetType();
            json.WriteStartObject();
            json.WriteString("type", MessageTypes.NameOf(type));
            json.WriteString("id", Guid.CreateVersion7());
            json.WritePropertyName("body");
            JsonSerializer.Serialize(json, messages[i], type, MessageTypes.Json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
