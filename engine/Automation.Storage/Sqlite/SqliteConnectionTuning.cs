using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Settings every engine connection to the SQLite file gets when it opens (host and CLI alike):
/// <list type="bullet">
/// <item>synchronous=NORMAL: in WAL mode a commit then survives the process being killed and skips the fsync FULL pays
/// on every commit (2–3 ms on this machine's disk, most of a dispatched action's cost). The event log's append switches
/// its own connection to FULL, so a 202 holds even through a power loss; what the engine derives from the log is at
/// worst a few commits old after an OS crash, never torn.</item>
/// <item>a 64 MiB page cache instead of SQLite's 2 MiB: event processing reads and rewrites thousands of profiles per
/// batch, and a small cache turns that into file reads.</item>
/// <item>no automatic checkpoint inside commits: <see cref="SqliteCheckpointer"/> moves the log into the file on a
/// thread of its own.</item>
/// <item>secure_delete: deleted rows and freed pages are overwritten with zeros, so an erased customer's details cannot
/// be read back from the file's free space (the log is emptied after an erasure, see <see cref="SqliteCheckpointer.TruncateAsync"/>).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public const string Full = "PRAGMA synchronous=FULL;";

    /// <summary>Restores the engine's commit mode on a connection that switched to <see cref="Full"/> for one commit.</summary>
    public const string Normal = "PRAGMA synchronous=NORMAL;";

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=0; PRAGMA secure_delete=ON;";

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Watch(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Watch(connection);
    }

    private static void Watch(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteCheckpointer.Watch(sqlite);
        }
    }

    /// <summary>
    /// The settings belong to the underlying SQLite connection, which the pool keeps open across EF Core's open and
    /// close around every query: set once per pooled connection, not once per query.
    /// </summary>
    private static bool FirstOpen(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle })
        {
            return true;
        }

        lock (Tuned)
        {
            if (Tuned.TryGetValue(handle, out _))
            {
                return false;
            }

            Tuned.Add(handle, Tuned);
            return true;
        }
    }
}
