using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Automation.Benchmarks;

/// <summary>
/// Fills a stopped embedded host's database with processed history straight through SQLite (prepared INSERTs in one
/// transaction each, no processing): events filed under their customers with the checkpoints past them, and completed
/// actions, in the shapes the engine leaves them.
/// </summary>
public static class StoredHistoryLoader
{
    public static async Task LoadAsync(string databasePath, int events, int customers, int actions, DateTime now)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var max = connection.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(Sequence), 0) FROM events";
        var first = (long)(await max.ExecuteScalarAsync() ?? 0L) + 1;
        await EventsAsync(connection, first, events, customers, now);
        await ActionsAsync(connection, actions, customers, now);
    }

    private static async Task EventsAsync(SqliteConnection connection, long first, int count, int customers, DateTime now)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = """
            INSERT INTO events (Sequence, EventId, CustomerId, Type, Timestamp, ReceivedAt, PropertiesJson, Value, Processed)
            VALUES ($sequence, $id, $customer, $type, $at, $at, '{"page":"/pricing"}', NULL, 1);
            INSERT INTO event_customers (CustomerId, Timestamp, Sequence) VALUES ($customer, $at, $sequence);
            """;
        var sequence = Parameter(insert, "$sequence");
        var id = Parameter(insert, "$id");
        var customer = Parameter(insert, "$customer");
        var type = Parameter(insert, "$type");
        var at = Parameter(insert, "$at");
        string[] types = ["page_view", "email_open", "pricing_view", "purchase"];
        await insert.PrepareAsync();
        for (var i = 0; i < count; i++)
        {
            var s = first + i;
            sequence.Value = s;
            id.Value = "bench-" + s.ToString(CultureInfo.InvariantCulture);
            customer.Value = "c-" + (i % customers).ToString(CultureInfo.InvariantCulture);
            type.Value = types[i % types.Length];
            at.Value = Sqlite(now.AddSeconds(-(count - i)));
            await insert.ExecuteNonQueryAsync();
        }

        await using var checkpoints = connection.CreateCommand();
        checkpoints.Transaction = (SqliteTransaction)transaction;
        checkpoints.CommandText = "INSERT OR REPLACE INTO processing_checkpoints (Name, Sequence) VALUES ('events', $last), ('profiles', $last), ('indexed', $last)";
        Parameter(checkpoints, "$last").Value = first + count - 1;
        await checkpoints.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task ActionsAsync(SqliteConnection connection, int count, int customers, DateTime now)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = """
            INSERT INTO actions (Id, IdempotencyKey, WorkflowId, WorkflowVersion, ActivityId, ActionType, Channel, Plugin, CustomerId, InputJson, ContextJson, GuardResultsJson, Status, BudgetAffecting, EstimatedCost, Attempts, CreatedAt, DispatchedAt, CompletedAt)
            VALUES ($id, $key, 'bench-winback', 1, 'send', 'email.send', 'email', 'Email', $customer, '{"template":"welcome"}', '{}', '[]', $status, 0, '0.0', 1, $at, $at, $at)
            """;
        var id = Parameter(insert, "$id");
        var key = Parameter(insert, "$key");
        var customer = Parameter(insert, "$customer");
        var at = Parameter(insert, "$at");
        Parameter(insert, "$status").Value = (int)Automation.Storage.Dispatch.ActionStatus.Completed;
        await insert.PrepareAsync();
        for (var i = 0; i < count; i++)
        {
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant(); // EF Core's SQLite GUID text form
            key.Value = "bench-" + i.ToString(CultureInfo.InvariantCulture);
            customer.Value = "c-" + (i % customers).ToString(CultureInfo.InvariantCulture);
            at.Value = Sqlite(now.AddSeconds(-(count - i)));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Sqlite(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
