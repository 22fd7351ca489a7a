using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Automation.Engine.Cluster.Shared;

/// <summary>
/// PostgreSQL: ownership held as session advisory locks on one connection of this process's own. Every process
/// holds the member lock shared, so each sees how many are alive; a process owns a partition while its connection
/// holds that partition's lock. When a process dies, even by kill -9, the server closes its connection and every
/// lock it held is free; the others take them on their next look.
/// </summary>
public sealed partial class AdvisoryLockOwnership(
    CustomerPartitions partitions,
    IOptions<AutomationOptions> options,
    ILogger<AdvisoryLockOwnership> logger) : IPartitionOwnership, IAsyncDisposable
{
    private readonly SemaphoreSlim use = new(1, 1);
    private NpgsqlConnection? connection;
    private int pid;
    private bool joined;
    private int[] owned = [];

    public async Task RebalanceAsync(CancellationToken cancellationToken)
    {
        await use.WaitAsync(cancellationToken);
        try
        {
            await JoinAsync(cancellationToken);
            var held = await HeldAsync(cancellationToken);
            var members = held.Where(h => h.Space == (int)DatabaseLock.ClusterMember).Select(h => h.Pid).Distinct().ToList();
            var owners = held.Where(h => h.Space == (int)DatabaseLock.PartitionOwner && h.Key < partitions.Count).ToDictionary(h => h.Key, h => h.Pid);
            var mine = owners.Where(o => o.Value == pid).Select(o => o.Key).Order().ToList();
            var share = FairShare.Of(partitions.Count, members, pid);
            foreach (var partition in mine.Skip(share).ToList())
            {
                await RunAsync(AdvisoryLockSql.ReleasePartition, partition, cancellationToken);
                mine.Remove(partition);
            }

            var free = Enumerable.Range(0, partitions.Count).Where(p => !owners.ContainsKey(p)).Take(share - mine.Count);
            foreach (var partition in free.ToList())
            {
                if (await RunAsync(AdvisoryLockSql.TakePartition, partition, cancellationToken))
                {
                    mine.Add(partition);
                }
            }

            if (!mine.Order().SequenceEqual(owned))
            {
                LogOwned(logger, mine.Count, members.Count, string.Join(",", mine.Order()));
            }

            owned = [.. mine.Order()];
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Without its connection this process owns nothing: its locks went with it.
            owned = [];
            await ForgetConnectionAsync();
            LogLost(logger, ex);
        }
        finally
        {
            use.Release();
        }
    }

    public async Task<IReadOnlyList<int>> HoldForBatchAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = owned;
        var holder = pid;
        if (mine.Length == 0)
        {
            return [];
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("A batch holds its partitions inside its transaction");
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AdvisoryLockSql.ShareProfileWriters));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AdvisoryLockSql.LockBatches) { Parameters = { new() { Value = mine } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AdvisoryLockSql.StillOwned) { Parameters = { new() { Value = mine }, new() { Value = holder } } });
        var still = new List<int>(mine.Length);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            still.Add(reader.GetInt32(0));
        }

        return still;
    }

    public async Task HoldAlsoAsync(AutomationDbContext db, IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(partitions);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("A batch holds partitions inside its transaction");
        await using var command = new NpgsqlCommand(AdvisoryLockSql.LockBatches, (NpgsqlConnection)db.Database.GetDbConnection(), transaction)
        {
            Parameters = { new() { Value = partitions.ToArray() } },
        };
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<bool> LeadsAsync(ClusterJob job, CancellationToken cancellationToken)
    {
        await use.WaitAsync(cancellationToken);
        try
        {
            // Asked again each time: the answer also proves the connection, and with it the lock, is still there.
            await EnsureConnectedAsync(cancellationToken);
            return await RunAsync(AdvisoryLockSql.TakeJob, (int)job, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            owned = [];
            await ForgetConnectionAsync();
            LogLost(logger, ex);
            return false;
        }
        finally
        {
            use.Release();
        }
    }

    public async Task<IReadOnlyList<ClusterProcess>> ProcessesAsync(CancellationToken cancellationToken)
    {
        await use.WaitAsync(cancellationToken);
        try
        {
            var held = await HeldAsync(cancellationToken);
            return [.. held.Where(h => h.Space == (int)DatabaseLock.ClusterMember).OrderBy(h => h.Pid).Select(m => new ClusterProcess(
                m.Name.StartsWith(ApplicationPrefix, StringComparison.Ordinal) ? m.Name[ApplicationPrefix.Length..] : m.Name,
                m.Pid == pid,
                [.. held.Where(h => h.Space == (int)DatabaseLock.PartitionOwner && h.Pid == m.Pid).Select(h => h.Key).Order()],
                [.. held.Where(h => h.Space == (int)DatabaseLock.ClusterJob && h.Pid == m.Pid).Select(h => (ClusterJob)h.Key).Order()]))];
        }
        finally
        {
            use.Release();
        }
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await use.WaitAsync(cancellationToken);
        try
        {
            owned = [];
            await ForgetConnectionAsync();
        }
        finally
        {
            use.Release();
        }
    }

    // The gate is left undisposed: a hosted service may still leave through it after the container let go of this.
    public async ValueTask DisposeAsync() => await ForgetConnectionAsync();

    private const string ApplicationPrefix = "automation-engine ";

    private async Task<List<(int Space, int Key, int Pid, string Name)>> HeldAsync(CancellationToken cancellationToken)
    {
        await EnsureConnectedAsync(cancellationToken);
        await using var command = new NpgsqlCommand(AdvisoryLockSql.Held, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new List<(int, int, int, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return held;
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return;
        }

        await ForgetConnectionAsync();

        // Not pooled: closing it must end the server session, which is what frees the locks.
        var settings = new NpgsqlConnectionStringBuilder(options.Value.PostgresConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationPrefix + ProcessName.Current,
            KeepAlive = 2,
            CommandTimeout = 5,
        };
        var opened = new NpgsqlConnection(settings.ConnectionString);
        await opened.OpenAsync(cancellationToken);
        connection = opened;
        pid = opened.ProcessID;
    }

    /// <summary>
    /// Counted among the processes that share the partitions: only a process that takes its share joins (leading a job
    /// or answering /api/cluster does not), or the others would leave a share for it that nobody processes.
    /// </summary>
    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        await EnsureConnectedAsync(cancellationToken);
        if (joined)
        {
            return;
        }

        await using var join = new NpgsqlCommand(AdvisoryLockSql.Join, connection);
        await join.ExecuteNonQueryAsync(cancellationToken);
        joined = true;
    }

    private async Task<bool> RunAsync(string sql, int key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = key } } };
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private async Task ForgetConnectionAsync()
    {
        if (connection is { } old)
        {
            connection = null;
            pid = 0;
            joined = false;
            await old.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This engine process now owns {Count} partitions of {Processes} live processes: {Partitions}")]
    private static partial void LogOwned(ILogger logger, int count, int processes, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster connection failed; this process owns no partitions until it is back")]
    private static partial void LogLost(ILogger logger, Exception ex);
}
