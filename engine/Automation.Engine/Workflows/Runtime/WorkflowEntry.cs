using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage.Profiles;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// A customer at the door into workflows: what happened (the trigger's type and key, e.g. segment.entered "at-risk",
/// event "cart_add"), with the customer's profile as of <see cref="Now"/>. <see cref="Matches"/> narrows the listening
/// workflows further (a score threshold and direction, an event filter); features and scores already computed by the
/// caller spare the door computing them again.
/// </summary>
public sealed record WorkflowEntry(string Type, string Key, TriggerInfo Trigger, string CustomerId, CustomerProfile? Profile, DateTime Now)
{
    public Func<TriggerDefinition, bool>? Matches { get; init; }

    public CustomerFeatures? Features { get; init; }

    public CustomerScores? Scores { get; init; }

    /// <summary>Starts only this workflow (publishing's start for a segment's current members), not every one listening.</summary>
    public string? OnlyWorkflowId { get; init; }
}
