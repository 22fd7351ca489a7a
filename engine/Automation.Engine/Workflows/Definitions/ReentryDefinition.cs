namespace Automation.Engine.Workflows.Definitions;

/// <summary>Whether a customer may go through a workflow again: "once" ever, "oncePer" N days, or "always".</summary>
public sealed record ReentryDefinition
{
    public string Policy { get; init; } = ReentryPolicies.Once;

    public int? Days { get; init; }
}
