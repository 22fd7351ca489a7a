using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Host.Storage;

/// <summary>
/// Gives every SQLite connection a page cache sized for batch work (64 MiB instead of SQLite's 2 MiB default):
/// event processing reads and rewrites thousands of profiles per batch, and a small cache turns that into file reads.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -65536;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
