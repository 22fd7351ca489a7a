using System.Globalization;
using System.Text.Json;

namespace Automation.Engine.Expressions;

/// <summary>
/// The event an event trigger's filter sees, as `Event`: its type, value and properties
/// (`Event.Value > 100`, `Event.Property("plan") == "pro"`, `Event.Number("items") >= 3`). Read-only by design.
/// </summary>
public sealed class TriggerEvent
{
    private readonly JsonElement properties;

    public TriggerEvent(string type, decimal? value, string? propertiesJson)
    {
        Type = type;
        Value = (double)(value ?? 0m);
        properties = string.IsNullOrEmpty(propertiesJson) ? default : JsonDocument.Parse(propertiesJson).RootElement.Clone();
    }

    public string Type { get; }

    /// <summary>The event's value (an order's amount, …); 0 when it has none.</summary>
    public double Value { get; }

    /// <summary>A property as text; "" when the event does not carry it.</summary>
    public string Property(string name) => Find(name) switch
    {
        { ValueKind: JsonValueKind.String } p => p.GetString() ?? "",
        { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => "",
        var p => p.GetRawText(),
    };

    /// <summary>A property as a number; 0 when it is missing or not a number.</summary>
    public double Number(string name) => Find(name) switch
    {
        { ValueKind: JsonValueKind.Number } p => p.GetDouble(),
        { ValueKind: JsonValueKind.String } p when double.TryParse(p.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => 0,
    };

    private JsonElement Find(string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var p) ? p : default;
}
