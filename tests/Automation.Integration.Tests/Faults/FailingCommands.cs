using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// An EF Core interceptor a test registers at composition: while armed, the commands it picks fail as a lost database
/// connection does, so one step of the engine (e.g. recording outcomes) meets an outage that nothing else sees.
/// </summary>
public sealed class FailingCommands(Func<string, bool> picks) : DbCommandInterceptor
{
    private volatile bool armed;
    private int failed;

    public int Failed => Volatile.Read(ref failed);

    public void Arm() => armed = true;

    public void Disarm() => armed = false;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        FailIfPicked(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        FailIfPicked(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        FailIfPicked(command);
        return ValueTask.FromResult(result);
    }

    private void FailIfPicked(DbCommand command)
    {
        if (armed && picks(command.CommandText))
        {
            Interlocked.Increment(ref failed);
            throw new NpgsqlException("Failed to connect (injected by the test)", new SocketException((int)SocketError.ConnectionRefused));
        }
    }
}
