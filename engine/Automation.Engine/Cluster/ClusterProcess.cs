namespace Automation.Engine.Cluster;

/// <summary>One live engine process and the partitions it owns now.</summary>
/// <param name="Name">Machine and process id, e.g. "web-1:4711".</param>
/// <param name="IsThis">True for the process that answered.</param>
/// <param name="Partitions">The partitions it owns, ascending.</param>
/// <param name="Jobs">The cluster-wide jobs it runs.</param>
public sealed record ClusterProcess(string Name, bool IsThis, IReadOnlyList<int> Partitions, IReadOnlyList<ClusterJob> Jobs);
