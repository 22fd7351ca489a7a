using System.Globalization;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Events;

/// <summary>
/// The embedded default's append: one prepared INSERT reused for the whole batch in one transaction, duplicates
/// skipped by the unique event id (ON CONFLICT DO NOTHING) instead of a lookup first — no change tracking, no
/// per-batch SQL building. The commit is the durability point (WAL, synchronous FULL).
/// </summary>
public static class SqliteEventAppender
{
    /// <summary>Appends the events; returns how many were new (the rest were already in the log).</summary>
    public static async Task<int> AppendAsync(AutomationDbContext db, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var full = connection.CreateCommand())
        {
            // The engine's connections commit with NORMAL; an accepted batch must survive a power loss too.
            full.CommandText = SqliteConnectionTuning.Full;
            await full.ExecuteNonQueryAsync(cancellationToken);
        }

        // Its transaction is the connection's own, not EF Core's: it queues at the write gate by hand.
        var entered = await SqliteWriteGate.EnterAsync(connection, cancellationToken);
        try
        {
            return await InsertAsync(connection, events, cancellationToken);
        }
        finally
        {
            if (entered)
            {
                SqliteWriteGate.Exit(connection);
            }

            // The pooled connection goes back to other work, which commits with NORMAL.
            await using var normal = connection.CreateCommand();
            normal.CommandText = SqliteConnectionTuning.Normal;
            await normal.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO events ("EventId","CustomerId","Type","Timestamp","Value","PropertiesJson","ReceivedAt","Processed")
            VALUES ($id,$customer,$type,$at,$value,$properties,$received,0)
            ON CONFLICT("EventId") DO NOTHING
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var customer = insert.Parameters.Add("$customer", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var value = insert.Parameters.Add("$value", SqliteType.Text);
        var properties = insert.Parameters.Add("$properties", SqliteType.Text);
        var received = insert.Parameters.Add("$received", SqliteType.Text);
        insert.Prepare();
        var added = 0;
        foreach (var e in events)
        {
            id.Value = e.EventId;
            customer.Value = e.CustomerId;
            type.Value = e.Type;
            at.Value = SqliteDates.Text(e.Timestamp);
            value.Value = e.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            properties.Value = (object?)e.PropertiesJson ?? DBNull.Value;
            received.Value = SqliteDates.Text(e.ReceivedAt);
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
