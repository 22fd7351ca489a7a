namespace Automation.Storage;

/// <summary>What a lock across engine processes protects; each value is also its PostgreSQL advisory lock space.</summary>
public enum DatabaseLock
{
    /// <summary>Writers of profiles and memberships: the event processor, segment sweeps and backfills.</summary>
    ProfileWriters = 7301,

    /// <summary>One action's dispatch, keyed by its idempotency key.</summary>
    ActionClaim = 7302,

    /// <summary>One workflow's daily budget, keyed by the workflow.</summary>
    WorkflowBudget = 7303,
}
