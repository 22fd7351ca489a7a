using System.Text.Json;

namespace Automation.Engine.Workflows.Activities;

public sealed class ActionSettings
{
    /// <summary>A registered action type, e.g. "email.send".</summary>
    public string Action { get; set; } = "";

    /// <summary>The action's input, checked against the plugin's input schema.</summary>
    public JsonElement? Input { get; set; }
}
