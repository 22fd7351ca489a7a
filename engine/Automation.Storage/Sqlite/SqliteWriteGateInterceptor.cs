using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Puts every EF Core transaction on the SQLite file through <see cref="SqliteWriteGate"/>: taken when the transaction
/// begins (SQLite's BEGIN IMMEDIATE would take the file's write lock there too), given back when it commits, rolls
/// back or fails. A transaction disposed without either keeps it until its connection closes.
/// </summary>
public sealed class SqliteWriteGateInterceptor : DbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbTransaction, DbConnection> Owners = [];

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        SqliteWriteGate.Enter(connection);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await SqliteWriteGate.EnterAsync(connection, cancellationToken);
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Owners.AddOrUpdate(result, connection);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Owners.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(transaction);
        return Task.CompletedTask;
    }

    // A finished SqliteTransaction no longer knows its connection (Connection is null after commit or rollback).
    private static void Exit(DbTransaction transaction)
    {
        if (Owners.TryGetValue(transaction, out var connection))
        {
            Owners.Remove(transaction);
            SqliteWriteGate.Exit(connection);
        }
    }
}
