using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Automation.Engine.Messaging;

/// <summary>
/// Writes JSON text through one reused buffer and writer per thread: a flush serializes four parts of every changed
/// profile (and a batch its outbox envelopes), and a serializer call with its own buffer each cost as much as the row's
/// insert. A profile's text is what <see cref="JsonSerializer"/> wrote before, so stored rows read the same either way.
/// </summary>
internal static class StateJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static string Write<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(1024);
        bytes.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(bytes);
        json.Reset(bytes);
        write(json, state);
        json.Flush();
        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    /// <summary>A numbers array property.</summary>
    public static void Numbers(Utf8JsonWriter json, string name, List<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
