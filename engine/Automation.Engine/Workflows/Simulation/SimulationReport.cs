namespace Automation.Engine.Workflows.Simulation;

/// <summary>
/// What a dry run found: who would enter, how they would flow, what would be sent and what it would cost, and of those
/// entering, how many already meet the workflow's goal expression (they would convert at once; null without one).
/// </summary>
public sealed record SimulationReport(
    int CustomersEvaluated,
    int CustomersEntered,
    IReadOnlyList<ActivityCount> Activities,
    IReadOnlyList<ActionEstimate> Actions,
    decimal EstimatedSpend,
    int ApprovalsNeeded,
    IReadOnlyDictionary<string, List<string>> Samples,
    int? AlreadyAtGoal = null);

public sealed record ActivityCount(string ActivityId, int Entered, IReadOnlyDictionary<string, int> Ports);

public sealed record ActionEstimate(string ActionType, int Count, decimal EstimatedCost, int NeedingApproval);
