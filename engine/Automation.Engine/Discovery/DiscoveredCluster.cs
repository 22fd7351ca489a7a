namespace Automation.Engine.Discovery;

/// <summary>One cluster: how many, what sets them apart in words, an expression to save it as a segment, and its silhouette.</summary>
public sealed record DiscoveredCluster(int Id, int Size, string Description, string Expression, double Silhouette);

/// <summary>A clustering run: the clusters and the mean silhouette over the customers it measured.</summary>
public sealed record DiscoveryResult(int K, int Customers, double Silhouette, IReadOnlyList<DiscoveredCluster> Clusters);
