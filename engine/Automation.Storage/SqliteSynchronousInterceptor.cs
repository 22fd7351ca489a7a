using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Storage;

/// <summary>
/// Every engine connection to the SQLite file commits with synchronous=NORMAL: in WAL mode a commit then survives the
/// process being killed, and skips the fsync that FULL pays on every commit (2–3 ms on this machine's disk, most of an
/// action's cost). The event log's append switches its own connection to FULL, so a 202 holds even through a power
/// loss; what the engine derives from the log (profiles, instances, dispatch records) is at worst as old as the last
/// checkpoint after an OS crash — never torn.
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    public const string Normal = "PRAGMA synchronous=NORMAL;";

    public const string Full = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Normal;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Normal;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
