using Automation.Storage.Workflows;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// One call into the runner: the step budget its instances share (a fork's branches and the continuation after the
/// join all count, so no fork or loop can spin) and, in a dry run, the branch instances it made, which nothing stores.
/// </summary>
internal sealed class RunScope(SimulationRecorder? simulation)
{
    public SimulationRecorder? Simulation { get; } = simulation;

    public int StepsLeft { get; set; } = WorkflowRunner.MaxStepsPerRun;

    /// <summary>Dry run only: the instances that forked and their branches, by id.</summary>
    public Dictionary<Guid, WorkflowInstance> InMemory { get; } = [];
}
