namespace Automation.Engine.Workflows.Activities;

public sealed class SetVariableSettings
{
    /// <summary>The variable's name, as expressions read it.</summary>
    public string Variable { get; set; } = "";

    /// <summary>An expression for the new value: a number, text ("gold") or flag.</summary>
    public string Value { get; set; } = "";
}
