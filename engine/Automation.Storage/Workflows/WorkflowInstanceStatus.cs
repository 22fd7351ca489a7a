namespace Automation.Storage.Workflows;

public enum WorkflowInstanceStatus
{
    Running = 0,
    Waiting = 1,
    Completed = 2,
    Faulted = 3,
    Cancelled = 4,
}
