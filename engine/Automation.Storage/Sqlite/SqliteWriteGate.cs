using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Sqlite;

/// <summary>
/// One writer at a time per SQLite file, queued in this process. SQLite itself lets a blocked writer poll: its busy
/// handler sleeps 1, 2, 5 … 100 ms between tries, so under load the lock sits free while every waiter sleeps and an
/// action's few short commits each pay tens of milliseconds. Here writers wait on a semaphore and the next one starts
/// the moment the last one commits. Other processes on the same file (the CLI) still meet SQLite's own busy handler.
/// A connection that holds the gate may take it again (reentrant), so nested writes on one connection never wait on
/// themselves.
/// </summary>
public sealed class SqliteWriteGate
{
    /// <summary>As long as SQLite's own busy timeout: a writer that waits longer fails as it did before.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbConnection, SqliteWriteGate> Holders = [];

    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Takes the file's gate for this connection unless it already holds it; true when this call took it.</summary>
    public static async ValueTask<bool> EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Holders.TryGetValue(connection, out _))
        {
            return false;
        }

        var gate = For(connection);
        if (!await gate.turn.WaitAsync(Patience, cancellationToken))
        {
            throw new TimeoutException($"another writer held the database for more than {Patience.TotalSeconds:0} s");
        }

        Holders.AddOrUpdate(connection, gate);
        return true;
    }

    /// <summary>
    /// Takes the file's gate for this connection only if it is free this moment; true
    /// when the connection holds it after the call (and must <see cref="Exit"/>), false when it was busy.
    /// </summary>
    public static bool TryEnter(DbConnection connection, out bool entered)
    {
        ArgumentNullException.ThrowIfNull(connection);
        entered = false;
        if (Holders.TryGetValue(connection, out _))
        {
            return true;
        }

        var gate = For(connection);
        if (!gate.turn.Wait(0))
        {
            return false;
        }

        Holders.AddOrUpdate(connection, gate);
        entered = true;
        return true;
    }

    /// <inheritdoc cref="EnterAsync"/>
    public static bool Enter(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Holders.TryGetValue(connection, out _))
        {
            return false;
        }

        var gate = For(connection);
        if (!gate.turn.Wait(Patience))
        {
            throw new TimeoutException($"another writer held the database for more than {Patience.TotalSeconds:0} s");
        }

        Holders.AddOrUpdate(connection, gate);
        return true;
    }

    /// <summary>Lets the next writer in, if this connection holds the gate.</summary>
    public static void Exit(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Holders.TryGetValue(connection, out var gate) && Holders.Remove(connection))
        {
            gate.turn.Release();
        }
    }

    private static SqliteWriteGate For(DbConnection connection) =>
        Gates.GetOrAdd(connection is SqliteConnection sqlite ? Path.GetFullPath(sqlite.DataSource is { Length: > 0 } source && source != ":memory:" ? source : ".memory") : connection.ConnectionString, _ => new SqliteWriteGate());
}
