namespace Automation.Storage;

/// <summary>What a lock across engine processes protects; each value is also its PostgreSQL advisory lock space.</summary>
public enum DatabaseLock
{
    /// <summary>
    /// Writers of profiles and memberships: segment sweeps and backfills hold it alone; event processors share it, each
    /// on the partitions it owns.
    /// </summary>
    ProfileWriters = 7301,

    /// <summary>One action's dispatch, keyed by its idempotency key.</summary>
    ActionClaim = 7302,

    /// <summary>One workflow's daily budget, keyed by the workflow.</summary>
    WorkflowBudget = 7303,

    /// <summary>A partition's owner, keyed by the partition: held by an engine process's cluster connection while it owns it.</summary>
    PartitionOwner = 7304,

    /// <summary>A partition's batch in progress, keyed by the partition: a new owner waits for the old owner's last batch.</summary>
    PartitionBatch = 7305,

    /// <summary>A live engine process: every process's cluster connection holds it shared, so each can count the others.</summary>
    ClusterMember = 7306,

    /// <summary>A cluster-wide job, keyed by the job: the process holding it runs the job; the others skip it.</summary>
    ClusterJob = 7307,

    /// <summary>Forming an approval group, keyed by the workflow version's step: one group per step, whoever comes first.</summary>
    ApprovalGroup = 7308,
}
