namespace Automation.Engine.Approvals;

public enum DecisionStatus
{
    Decided,
    NotFound,
    Forbidden,
    AlreadyDecided,
}
