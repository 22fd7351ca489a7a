using Automation.Storage;

namespace Automation.Engine.Cluster;

/// <summary>
/// Which partitions this engine process owns and which cluster-wide jobs it runs, under an ownership the database
/// enforces: one process owning everything (embedded default) or advisory locks shared out among the live processes
/// (PostgreSQL). Chosen once, at composition.
/// </summary>
public interface IPartitionOwnership
{
    /// <summary>Looks at who is alive and takes or gives up partitions toward this process's fair share.</summary>
    Task RebalanceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inside a processing batch's transaction: waits until no other process's batch is still writing this process's
    /// partitions, then returns those it still owns (ascending); the batch takes only their events. An old owner's batch
    /// that is still writing holds its new owner back until it ends, so no customer is processed by two at once.
    /// </summary>
    Task<IReadOnlyList<int>> HoldForBatchAsync(AutomationDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Inside a batch's transaction: waits for the batches in progress on other partitions (which this process does not
    /// own) and holds them off until the transaction ends; for a batch that must touch one of their customers.
    /// </summary>
    Task HoldAlsoAsync(AutomationDbContext db, IReadOnlyList<int> partitions, CancellationToken cancellationToken);

    /// <summary>True when this process runs <paramref name="job"/> now; the other processes skip it.</summary>
    Task<bool> LeadsAsync(ClusterJob job, CancellationToken cancellationToken);

    /// <summary>The live processes, what each owns and which jobs each runs.</summary>
    Task<IReadOnlyList<ClusterProcess>> ProcessesAsync(CancellationToken cancellationToken);

    /// <summary>Gives up every partition and job (the process is stopping): the others take them on their next look.</summary>
    Task LeaveAsync(CancellationToken cancellationToken);
}
