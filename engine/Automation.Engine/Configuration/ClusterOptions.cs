namespace Automation.Engine.Configuration;

/// <summary>How engine processes share the work: customers hash to partitions, each processed by one process at a time.</summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// How many partitions customers hash to. Set once for the cluster: every process must use the same number, and
    /// changing it leaves events not yet processed in the partition they were stored under.
    /// </summary>
    public int Partitions { get; set; } = 64;

    /// <summary>
    /// How often a process looks at who is alive and takes or gives up partitions toward its fair share. A dead
    /// process's partitions are free as soon as the database notices its connection closed; the others take them on
    /// their next look.
    /// </summary>
    public TimeSpan RebalanceInterval { get; set; } = TimeSpan.FromSeconds(1);
}
