using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Automation.Engine.Expressions;

/// <summary>
/// An instance's workflow variables as expressions read them (`Variables.Number("visits")`, `Variables.Text("tier")`,
/// `Variables.Flag("vip")`) and setVariable steps write them; stored as one JSON object on the instance.
/// </summary>
public sealed class WorkflowVariables
{
    private readonly JsonObject values;

    public WorkflowVariables(string? json = null)
    {
        values = string.IsNullOrEmpty(json) ? [] : JsonNode.Parse(json) as JsonObject ?? [];
    }

    /// <summary>A variable as a number; 0 when it is missing or not a number.</summary>
    public double Number(string name) => values[name] switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? 1 : 0,
        _ => 0,
    };

    /// <summary>A variable as text; "" when it is missing.</summary>
    public string Text(string name) => values[name] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };

    /// <summary>A variable as a flag: true, a non-zero number or the text "true".</summary>
    public bool Flag(string name) => values[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        JsonValue v when v.TryGetValue<string>(out var s) => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public bool Has(string name) => values.ContainsKey(name);

    internal void Set(string name, object? value) => values[name] = value switch
    {
        null => null,
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        IConvertible c when value is not char => JsonValue.Create(Convert.ToDouble(c, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };

    public string ToJson() => values.ToJsonString();
}
