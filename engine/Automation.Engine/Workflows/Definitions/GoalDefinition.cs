namespace Automation.Engine.Workflows.Definitions;

/// <summary>
/// What counts as the customer converting: an event (`purchase`) and/or an expression over features, scores and the
/// instance's variables. Whenever it becomes true while the customer is in the workflow, the instance ends as converted.
/// </summary>
public sealed record GoalDefinition
{
    /// <summary>An event type whose arrival reaches the goal.</summary>
    public string? Event { get; init; }

    /// <summary>A condition checked whenever the customer's events are processed (`Features.Purchases30d > 0`).</summary>
    public string? Expression { get; init; }

    /// <summary>What the journal and the report call it ("first purchase").</summary>
    public string? Name { get; init; }

    public string Describe() => Name is { Length: > 0 } name ? name : Event is { Length: > 0 } e ? (Expression is { Length: > 0 } x ? $"{e} or {x}" : e) : Expression ?? "";
}
