namespace Automation.Storage.Workflows;

public enum WorkflowVersionStatus
{
    Draft = 0,
    Published = 1,
    Superseded = 2,
}
