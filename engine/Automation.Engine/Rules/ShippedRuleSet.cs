using System.Text.Json;

namespace Automation.Engine.Rules;

/// <summary>A rule set file under workflows/rule-sets: {"key", "name", "description", "rules": {...}}.</summary>
public sealed record ShippedRuleSet(string Key, string Name, string Description, string Rules)
{
    /// <summary>The file's rule set, or null when it is not one (the caller logs and goes on).</summary>
    public static ShippedRuleSet? Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                && root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && root.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object
                ? new ShippedRuleSet(key.GetString()!, name.GetString()!, root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "", rules.GetRawText())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
