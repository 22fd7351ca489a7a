using System.Text.Json;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// One input of an Elsa activity: either a plain value or { typeName, expression: { type, value } }, where type is the
/// language ("Literal", "Object", "JavaScript", "CSharp", "Liquid", "Variable", …).
/// </summary>
internal sealed record ElsaInput(string Language, string? Text)
{
    public bool IsCode => Language is "JavaScript" or "CSharp" or "Python" or "Liquid";

    public static ElsaInput? Read(JsonElement item, string property)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(property, out var input))
        {
            return null;
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            return new ElsaInput("Literal", input.GetString());
        }

        if (input.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return new ElsaInput("Literal", input.GetRawText());
        }

        if (input.ValueKind != JsonValueKind.Object || !input.TryGetProperty("expression", out var expression))
        {
            return null;
        }

        var language = expression.ValueKind == JsonValueKind.Object && expression.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "Literal";
        var value = expression.ValueKind == JsonValueKind.Object && expression.TryGetProperty("value", out var v) ? v : expression;
        return value.ValueKind switch
        {
            JsonValueKind.String => new ElsaInput(language, value.GetString()),
            JsonValueKind.Null or JsonValueKind.Undefined => new ElsaInput(language, null),
            JsonValueKind.Object when language == "Variable" => new ElsaInput(language, value.TryGetProperty("name", out var n) ? n.GetString() : null),
            _ => new ElsaInput(language, value.GetRawText()),
        };
    }

    public override string ToString() => IsCode ? $"{Language} `{Text}`" : $"'{Text}'";
}
