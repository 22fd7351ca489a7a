namespace Automation.Engine.Discovery;

/// <summary>A clustering run: the clusters, the mean silhouette over the customers it measured (higher is better) and the Davies–Bouldin index (lower is better).</summary>
public sealed record DiscoveryResult(int K, int Customers, double Silhouette, double DaviesBouldin, IReadOnlyList<DiscoveredCluster> Clusters);
