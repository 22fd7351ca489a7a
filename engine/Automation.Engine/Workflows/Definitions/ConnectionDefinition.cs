namespace Automation.Engine.Workflows.Definitions;

/// <summary>From an activity's outcome port to the next activity.</summary>
public sealed record ConnectionDefinition
{
    public string From { get; init; } = "";

    public string Port { get; init; } = "done";

    public string To { get; init; } = "";
}
