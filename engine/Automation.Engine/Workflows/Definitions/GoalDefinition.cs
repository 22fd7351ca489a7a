namespace Automation.Engine.Workflows.Definitions;

/// <summary>
/// What counts as converting: a customer event (e.g. purchase), optionally with a condition over the profile. Whenever
/// it happens to a customer with a running instance, the instance ends with outcome "converted".
/// </summary>
public sealed record GoalDefinition
{
    /// <summary>The customer event that meets the goal, e.g. "purchase".</summary>
    public string Event { get; init; } = "";

    /// <summary>An optional further condition over Features and Scores, checked when the event arrives.</summary>
    public string? Expression { get; init; }
}
