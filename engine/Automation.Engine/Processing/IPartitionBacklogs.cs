namespace Automation.Engine.Processing;

/// <summary>What waits to be processed, per partition, as the processing home knows it (only partitions with a backlog).</summary>
public interface IPartitionBacklogs
{
    Task<IReadOnlyList<PartitionBacklog>> WaitingAsync(CancellationToken cancellationToken);
}
