using System.Buffers;
using System.Text;
using System.Text.Json;
using Automation.Storage.Messaging;

namespace Automation.Engine.Messaging;

/// <summary>
/// Many published messages of one unit of work in a few outbox rows, relayed one by one in their order. A processing
/// batch announces about a thousand segment changes: a row each cost an insert, a unique-index entry and a relay
/// delete, which together outweighed the segment evaluation that caused them.
/// </summary>
public static class OutboxEnvelope
{
    /// <summary>The row's MessageType; never a contract name, so no consumer ever sees it.</summary>
    public const string TypeName = "envelope";

    /// <summary>One message of an envelope: its contract name, the id it is published with, and its body.</summary>
    public sealed record Item(string Type, Guid Id, JsonElement Body);

    // Messages per row: a row well under SQLite's overflow chains and .NET's large object heap keeps the write and the
    // relay's read cheap, and a thousand-message row's string alone was a large-object allocation per batch.
    private const int MessagesPerRow = 100;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>The rows carrying these messages in order, each message with an id of its own (consumers deduplicate by it).</summary>
    public static List<OutboxMessage> Create(IReadOnlyList<object> messages, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rows = new List<OutboxMessage>((messages.Count / MessagesPerRow) + 1);
        var bytes = buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        var json = writer ??= new Utf8JsonWriter(bytes);
        for (var first = 0; first < messages.Count; first += MessagesPerRow)
        {
            bytes.ResetWrittenCount();
            json.Reset(bytes);
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
            json.Flush();
            rows.Add(new OutboxMessage
            {
                MessageId = Guid.CreateVersion7(),
                MessageType = TypeName,
                Body = Encoding.UTF8.GetString(bytes.WrittenSpan),
                CreatedAt = nowUtc,
            });
        }

        return rows;
    }

    public static List<Item> Read(string body) => JsonSerializer.Deserialize<List<Item>>(body, MessageTypes.Json)
        ?? throw new InvalidOperationException("an outbox envelope holds no message list");

    /// <summary>The body of an envelope holding only these items (what is left after a relay failed part-way).</summary>
    public static string Write(IEnumerable<Item> items) => JsonSerializer.Serialize(items, MessageTypes.Json);
}
