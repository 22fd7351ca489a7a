using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>Everything an activity may read or write while it runs, inside the instance's unit of work.</summary>
public sealed class ActivityContext
{
    public required AutomationDbContext Db { get; init; }

    public required WorkflowDefinition Definition { get; init; }

    public required WorkflowInstance Instance { get; init; }

    public required ActivityDefinition Activity { get; set; }

    public required CustomerProfile? Profile { get; init; }

    /// <summary>The customer's features, worked out on first use: a resume that only journals and ends never pays for them.</summary>
    public CustomerFeatures Features => features ??= FeaturesSource();

    public required Func<CustomerFeatures> FeaturesSource { private get; init; }

    public required CustomerScores Scores { get; init; }

    public required DateTime Now { get; init; }

    public required WorkflowServices Services { get; init; }

    /// <summary>How many times this activity already ran in this instance (loops), for idempotency keys; read from the journal only when asked.</summary>
    public Task<int> VisitAsync(CancellationToken cancellationToken) => VisitSource(cancellationToken);

    internal Func<CancellationToken, Task<int>> VisitSource { get; set; } = _ => Task.FromResult(0);

    /// <summary>The instance's workflow variables: the definition's declared values, overwritten by what setVariable steps stored.</summary>
    public WorkflowVariables Variables => variables ??= WorkflowVariableValues.Load(Definition, Instance.VariablesJson);

    /// <summary>Sets a variable and keeps it on the instance, inside this unit of work.</summary>
    public void SetVariable(string name, object? value)
    {
        Variables.Set(name, value);
        Instance.VariablesJson = Variables.ToJson();
    }

    /// <summary>Why the instance started (the crossing, event, schedule or webhook), read from the instance once; null for a test run.</summary>
    public TriggerInfo? Trigger => trigger ??= string.IsNullOrEmpty(Instance.TriggerJson)
        ? null
        : System.Text.Json.JsonSerializer.Deserialize<TriggerInfo>(Instance.TriggerJson, Messaging.MessageTypes.Json);

    /// <summary>Dry run: nothing leaves, nothing waits for real; actions report what they would do.</summary>
    public SimulationRecorder? Simulation { get; init; }

    private CustomerFeatures? features;

    private WorkflowVariables? variables;

    private TriggerInfo? trigger;
}
