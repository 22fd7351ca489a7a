using Microsoft.ML.Data;

namespace Automation.Engine.Discovery;

/// <summary>A customer as ML.NET sees them for clustering: standardized features.</summary>
public sealed class ClusterPoint
{
    [VectorType(CustomerClustering.DimensionCount)]
    public float[] Features { get; set; } = [];
}

public sealed class ClusterPrediction
{
    [ColumnName("PredictedLabel")]
    public uint Cluster { get; set; }
}
