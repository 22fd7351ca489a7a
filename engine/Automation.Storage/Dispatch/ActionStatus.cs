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

    /// <summary>Handed to its connector, but no outcome came back in time: a person decides (resend, mark as sent, cancel).</summary>
    Unknown = 8,
}
