using System.Text.Json;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// Stands in a draft for an Elsa activity that has no counterpart here: it keeps the original id, type and JSON so
/// nothing is lost, keeps its connections, and the validator refuses to publish while it is there.
/// </summary>
public static class ElsaPlaceholder
{
    public const string Type = "elsa.unmapped";

    public static ActivityDefinition Create(string id, string elsaId, string elsaType, string? displayName, JsonElement original, string reason) => new()
    {
        Id = id,
        Type = Type,
        DisplayName = displayName,
        Settings = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["elsaId"] = JsonSerializer.SerializeToElement(elsaId),
            ["elsaType"] = JsonSerializer.SerializeToElement(elsaType),
            ["reason"] = JsonSerializer.SerializeToElement(reason),
            ["elsa"] = original.Clone(),
        },
    };

    /// <summary>What the validator says about a placeholder left in a definition.</summary>
    public static string Problem(ActivityDefinition activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var elsaType = activity.Settings.TryGetValue("elsaType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "?";
        return $"unmapped Elsa activity {activity.Id} of type {elsaType}: replace it before publishing";
    }
}
