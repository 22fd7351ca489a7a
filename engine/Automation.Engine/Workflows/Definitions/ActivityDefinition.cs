using System.Text.Json;
using System.Text.Json.Serialization;

namespace Automation.Engine.Workflows.Definitions;

/// <summary>One node of the flowchart: an id, a type, and the type's own settings as written in the JSON.</summary>
public sealed record ActivityDefinition
{
    public string Id { get; init; } = "";

    public string Type { get; init; } = "";

    public string? DisplayName { get; init; }

    /// <summary>Everything else on the node ("expression", "branches", "action", "input", …).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement> Settings { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Reads the settings as the activity's typed settings record.</summary>
    public T Read<T>()
        where T : new()
    {
        var json = JsonSerializer.SerializeToElement(Settings, WorkflowJson.Options);
        return json.Deserialize<T>(WorkflowJson.Options) ?? new T();
    }
}
