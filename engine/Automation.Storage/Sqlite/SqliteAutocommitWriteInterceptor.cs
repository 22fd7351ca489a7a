using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Storage.Sqlite;

/// <summary>
/// A write outside any transaction (ExecuteUpdate, ExecuteDelete, raw SQL) queues at <see cref="SqliteWriteGate"/> like
/// a transaction does; SaveChanges always runs in one (AutoTransactionBehavior.Always), so it is covered there.
/// </summary>
public sealed class SqliteAutocommitWriteInterceptor : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, object> Entered = [];

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (IsAutocommitWrite(command) && SqliteWriteGate.Enter(command.Connection!))
        {
            Entered.AddOrUpdate(command, command);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (IsAutocommitWrite(command) && await SqliteWriteGate.EnterAsync(command.Connection!, cancellationToken))
        {
            Entered.AddOrUpdate(command, command);
        }

        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    private static bool IsAutocommitWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null && !command.CommandText.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
        && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private static void Exit(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Entered.Remove(command) && command.Connection is { } connection)
        {
            SqliteWriteGate.Exit(connection);
        }
    }
}
