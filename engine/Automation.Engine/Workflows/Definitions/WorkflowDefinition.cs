using System.Text.Json.Serialization;

namespace Automation.Engine.Workflows.Definitions;

/// <summary>A workflow as designed: trigger, re-entry policy, activities and the connections between their ports.</summary>
public sealed record WorkflowDefinition
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public int Version { get; init; }

    public TriggerDefinition? Trigger { get; init; }

    public ReentryDefinition Reentry { get; init; } = new();

    /// <summary>Workflow variables, set by setVariable steps and read in expressions as Variables.Number("name") etc.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>What ends an instance as converted, checked while the customer is in the workflow; none: instances only complete.</summary>
    public GoalDefinition? Goal { get; init; }

    public IReadOnlyList<ActivityDefinition> Activities { get; init; } = [];

    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];

    /// <summary>Designer positions by activity id.</summary>
    public IReadOnlyDictionary<string, LayoutPosition> Layout { get; init; } = new Dictionary<string, LayoutPosition>();

    /// <summary>The first activity: the one no connection leads to (the trigger's successor).</summary>
    [JsonIgnore]
    public ActivityDefinition? Start =>
        Activities.FirstOrDefault(a => Connections.All(c => c.To != a.Id));
}
