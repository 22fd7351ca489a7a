using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Storage.Sqlite;

/// <summary>
/// The safety net of <see cref="SqliteWriteGateInterceptor"/>: a transaction disposed without commit or rollback
/// still holds the write gate, and its connection closing (or being disposed with its context) gives it back.
/// </summary>
public sealed class SqliteWriteGateRelease : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Exit(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Exit(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Exit(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Exit(connection);
        return ValueTask.FromResult(result);
    }
}
