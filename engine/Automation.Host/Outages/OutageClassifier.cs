using Microsoft.Data.Sqlite;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace Automation.Host.Outages;

/// <summary>
/// The one place that decides whether an exception means a dependency is unreachable for now (retrying later helps)
/// rather than a fault of the request or the code. Domain code never asks; the host answers 503 and keeps its log
/// quiet from this verdict.
/// </summary>
public static class OutageClassifier
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN: another writer holds the file, or the file cannot be opened.
    private static readonly int[] SqliteUnavailable = [5, 6, 14];

    public static Dependency? Classify(Exception? exception)
    {
        // The driver's exception is usually wrapped (EF Core's DbUpdateException or retry strategy, a task's
        // AggregateException), so the whole chain is read. Bare socket errors and timeouts are not taken on their own:
        // Npgsql wraps its own (a refused connection, an exhausted pool) in a transient NpgsqlException, and a bare one
        // may come from a connector's SMTP or HTTP call, which is not an outage of ours.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode):
                    return Dependency.Database;
                case MassTransit.ConnectionException or MassTransit.TransportUnavailableException:
                case BrokerUnreachableException or ConnectFailureException or AlreadyClosedException:
                case Automation.Engine.Messaging.OutboxSendTimeoutException:
                    return Dependency.Broker;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Classify).FirstOrDefault(d => d is not null);
            }
        }

        return null;
    }
}
