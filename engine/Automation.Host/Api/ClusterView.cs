namespace Automation.Host.Api;

/// <summary>The engine processes sharing the work: what each owns and what waits in each partition.</summary>
/// <param name="PartitionCount">How many partitions customers hash to (Automation:Cluster:Partitions).</param>
/// <param name="Processes">The live processes, each with the partitions it owns and the cluster-wide jobs it runs.</param>
/// <param name="Partitions">Every partition: its owner (null while none) and its backlog.</param>
public sealed record ClusterView(int PartitionCount, IReadOnlyList<ClusterProcessView> Processes, IReadOnlyList<PartitionView> Partitions);

/// <summary>One live engine process.</summary>
/// <param name="Name">Machine and process id, e.g. "web-1:4711".</param>
/// <param name="ThisProcess">True for the process that answered this request.</param>
/// <param name="Partitions">The partitions it owns, ascending.</param>
/// <param name="Jobs">The cluster-wide jobs it runs (each runs in one process at a time).</param>
/// <param name="Waiting">Events waiting in its partitions.</param>
public sealed record ClusterProcessView(string Name, bool ThisProcess, IReadOnlyList<int> Partitions, IReadOnlyList<string> Jobs, long Waiting);

/// <summary>One partition's owner and lag.</summary>
/// <param name="Partition">0 to PartitionCount - 1.</param>
/// <param name="Owner">The name of the process that owns it; null while it is being handed over.</param>
/// <param name="Waiting">Events stored and not yet processed.</param>
/// <param name="LagSeconds">How long the oldest of them has waited; 0 when none waits.</param>
public sealed record PartitionView(int Partition, string? Owner, long Waiting, double LagSeconds);
