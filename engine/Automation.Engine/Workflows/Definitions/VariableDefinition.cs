using System.Text.Json;

namespace Automation.Engine.Workflows.Definitions;

/// <summary>A workflow variable: its name (as expressions read it) and the value every instance starts with.</summary>
public sealed record VariableDefinition
{
    public string Name { get; init; } = "";

    /// <summary>A number, text or flag; none means 0 / "" / false when read.</summary>
    public JsonElement? Value { get; init; }
}
