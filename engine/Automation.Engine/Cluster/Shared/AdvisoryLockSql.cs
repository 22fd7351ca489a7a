using Automation.Storage;

namespace Automation.Engine.Cluster.Shared;

/// <summary>The PostgreSQL statements of partition ownership; every key is two integers: the lock space and the partition or job.</summary>
internal static class AdvisoryLockSql
{
    private const string ThisDatabase = "(SELECT oid FROM pg_database WHERE datname = current_database())";

    public static readonly string Join = $"SELECT pg_advisory_lock_shared({(int)DatabaseLock.ClusterMember}, 0)";

    /// <summary>Every granted cluster lock of this database: (space, key, holder's backend pid, holder's application name).</summary>
    public static readonly string Held = $"""
        SELECT l.classid::int, l.objid::int, l.pid, coalesce(a.application_name, '')
        FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.database = {ThisDatabase}
          AND l.classid IN ({(int)DatabaseLock.PartitionOwner}, {(int)DatabaseLock.ClusterMember}, {(int)DatabaseLock.ClusterJob})
        """;

    public static readonly string TakePartition = $"SELECT pg_try_advisory_lock({(int)DatabaseLock.PartitionOwner}, $1)";

    public static readonly string ReleasePartition = $"SELECT pg_advisory_unlock({(int)DatabaseLock.PartitionOwner}, $1)";

    public static readonly string TakeJob = $"SELECT pg_try_advisory_lock({(int)DatabaseLock.ClusterJob}, $1)";

    /// <summary>A batch's first lock: the profile writers' lock, shared (sweeps and backfills take it alone).</summary>
    public static readonly string ShareProfileWriters = $"SELECT pg_advisory_xact_lock_shared({(long)DatabaseLock.ProfileWriters})";

    /// <summary>Then each owned partition's batch lock, ascending, so that two batches never wait on each other in a circle.</summary>
    public static readonly string LockBatches =
        $"SELECT count(pg_advisory_xact_lock({(int)DatabaseLock.PartitionBatch}, p)) FROM (SELECT unnest($1) AS p ORDER BY 1) AS owned";

    /// <summary>Then those of the partitions that the cluster connection with backend pid $2 still owns: none if it died.</summary>
    public static readonly string StillOwned = $"""
        SELECT l.objid::int FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.database = {ThisDatabase}
          AND l.classid = {(int)DatabaseLock.PartitionOwner} AND l.pid = $2 AND l.objid::int = ANY($1)
        ORDER BY 1
        """;
}
