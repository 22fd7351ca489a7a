using System.Text.Json;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>Small readers over Elsa's JSON.</summary>
internal static class ElsaJson
{
    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static LayoutPosition? Position(JsonElement item) =>
        item.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("designer", out var d) && d.TryGetProperty("position", out var p)
            && p.TryGetProperty("x", out var x) && p.TryGetProperty("y", out var y) && x.TryGetDouble(out var px) && y.TryGetDouble(out var py)
            ? new LayoutPosition(px, py)
            : null;

    /// <summary>A connection end: { activity, port } objects (Elsa 3.1+) or flat source/sourcePort (3.0).</summary>
    public static (string? Activity, string? Port) End(JsonElement connection, string name, string portName)
    {
        if (!connection.TryGetProperty(name, out var end))
        {
            return (null, null);
        }

        return end.ValueKind == JsonValueKind.Object
            ? (Text(end, "activity"), Text(end, "port"))
            : (end.ValueKind == JsonValueKind.String ? end.GetString() : null, Text(connection, portName));
    }

    /// <summary>A list held as an array, or as JSON text of an array, or as comma-separated text.</summary>
    public static IReadOnlyList<string> List(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            using var parsed = JsonDocument.Parse(text);
            return parsed.RootElement.ValueKind == JsonValueKind.Array
                ? parsed.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList()
                : [];
        }
        catch (JsonException)
        {
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
