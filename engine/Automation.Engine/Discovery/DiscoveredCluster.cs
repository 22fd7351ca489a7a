namespace Automation.Engine.Discovery;

/// <summary>One cluster: how many, what sets them apart in words, an expression to save it as a segment, and its silhouette.</summary>
public sealed record DiscoveredCluster(int Id, int Size, string Description, string Expression, double Silhouette);
