namespace Automation.Engine.Workflows.Runtime;

/// <summary>Declares an activity type: the palette and the validator learn everything from this and the settings type.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string category, string displayName, string description) : Attribute
{
    public string Type { get; } = type;

    public string Category { get; } = category;

    public string DisplayName { get; } = displayName;

    public string Description { get; } = description;

    /// <summary>The outcome ports, in the order the designer draws them.</summary>
    public string[] Ports { get; init; } = ["done"];

    /// <summary>True for activities that suspend the instance (a cycle through one is not an endless loop).</summary>
    public bool Waits { get; init; }
}
