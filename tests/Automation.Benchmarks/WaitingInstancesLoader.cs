using System.Data.Common;
using System.Globalization;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Automation.Benchmarks;

/// <summary>
/// Writes waiting workflow instances straight into the store (one prepared INSERT in a transaction on SQLite, binary
/// COPY on PostgreSQL), in the exact shape the runner leaves them: waiting on "event:{type}" with a timeout.
/// </summary>
public static class WaitingInstancesLoader
{
    public static async Task LoadAsync(AutomationDbContext db, string workflowId, string prefix, int count, string activityId, string eventType, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, workflowId, prefix, count, activityId, eventType, now);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO workflow_instances (Id, WorkflowId, Version, CustomerId, Status, CurrentActivityId, ActiveKey, Bookmark, WakeAt, WaitingForEvent, TriggerJson, StartedAt, Revision)
            VALUES ($id, $workflow, 1, $customer, 1, $activity, $active, $bookmark, $wake, $event, '{}', $started, 0)
            """;
        var id = Parameter(insert, "$id");
        var customer = Parameter(insert, "$customer");
        var active = Parameter(insert, "$active");
        Parameter(insert, "$workflow").Value = workflowId;
        Parameter(insert, "$activity").Value = activityId;
        Parameter(insert, "$bookmark").Value = "event:" + eventType;
        Parameter(insert, "$event").Value = eventType;
        Parameter(insert, "$wake").Value = Sqlite(now.AddDays(7));
        Parameter(insert, "$started").Value = Sqlite(now);
        await insert.PrepareAsync();
        for (var i = 0; i < count; i++)
        {
            var customerId = prefix + i.ToString(CultureInfo.InvariantCulture);
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant(); // EF Core's SQLite GUID text form
            customer.Value = customerId;
            active.Value = $"{workflowId}|{customerId}";
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string workflowId, string prefix, int count, string activityId, string eventType, DateTime now)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY workflow_instances (\"Id\", \"WorkflowId\", \"Version\", \"CustomerId\", \"Status\", \"CurrentActivityId\", \"ActiveKey\", \"Bookmark\", \"WakeAt\", \"WaitingForEvent\", \"TriggerJson\", \"StartedAt\", \"Revision\") FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            var customerId = prefix + i.ToString(CultureInfo.InvariantCulture);
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(workflowId, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(1, NpgsqlTypes.NpgsqlDbType.Integer);
            await writer.WriteAsync(customerId, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(1, NpgsqlTypes.NpgsqlDbType.Integer);
            await writer.WriteAsync(activityId, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync($"{workflowId}|{customerId}", NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync("event:" + eventType, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(now.AddDays(7), NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(eventType, NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync("{}", NpgsqlTypes.NpgsqlDbType.Text);
            await writer.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(0, NpgsqlTypes.NpgsqlDbType.Integer);
        }

        await writer.CompleteAsync();
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
