namespace Automation.Storage.Dispatch;

public enum ActionStatus
{
    Pending = 0,
    AwaitingApproval = 1,
    Held = 2,
    Dispatched = 3,
    Completed = 4,
    Failed = 5,
    Skipped = 6,
    Rejected = 7,
}
