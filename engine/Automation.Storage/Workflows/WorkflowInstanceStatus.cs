namespace Automation.Storage.Workflows;

public enum WorkflowInstanceStatus
{
    Running = 0,
    Waiting = 1,
    Completed = 2,
    Faulted = 3,
    Cancelled = 4,

    /// <summary>Ended because the customer reached the workflow's goal.</summary>
    Converted = 5,
}
