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

    public required CustomerFeatures Features { get; init; }

    public required CustomerScores Scores { get; init; }

    public required DateTime Now { get; init; }

    public required WorkflowServices Services { get; init; }

    /// <summary>How many times this activity already ran in this instance (loops), for idempotency keys.</summary>
    public int Visit { get; set; }

    /// <summary>Dry run: nothing leaves, nothing waits for real; actions report what they would do.</summary>
    public SimulationRecorder? Simulation { get; init; }
}
