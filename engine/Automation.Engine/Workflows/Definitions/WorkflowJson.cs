using System.Text.Json;
using System.Text.Json.Serialization;

namespace Automation.Engine.Workflows.Definitions;

/// <summary>How definitions are read and written: camelCase, comments and trailing commas tolerated in shipped files.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("empty workflow definition");

    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
