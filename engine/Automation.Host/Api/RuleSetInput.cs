using System.Text.Json;

namespace Automation.Host.Api;

/// <summary>PUT /api/rule-sets/{key}: a name and the rules ({"globalParams": [], "rules": []}).</summary>
public sealed class RuleSetInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement Rules { get; set; }
}
