using Automation.Storage;

namespace Automation.Engine.Cluster;

/// <summary>The embedded default: one process, which owns every partition and runs every job.</summary>
public sealed class SingleProcessOwnership(CustomerPartitions partitions) : IPartitionOwnership
{
    public Task RebalanceAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<int>> HoldForBatchAsync(AutomationDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult(All());

    public Task HoldAlsoAsync(AutomationDbContext db, IReadOnlyList<int> partitions, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> LeadsAsync(ClusterJob job, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<IReadOnlyList<ClusterProcess>> ProcessesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClusterProcess>>([new ClusterProcess(ProcessName.Current, IsThis: true, All(), Enum.GetValues<ClusterJob>())]);

    public Task LeaveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IReadOnlyList<int> All() => [.. Enumerable.Range(0, partitions.Count)];
}
