using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// The embedded processor's read of the next events in log order: a plain reader with exact date parsing, because
/// EF Core's materialization (a general date parse per column) cost more per event than the append itself.
/// </summary>
public static class SqliteEventReader
{
    /// <summary>Up to <paramref name="take"/> events after <paramref name="after"/> (the processor's cursor), oldest first, in the context's transaction.</summary>
    public static async Task<List<StoredEvent>> ReadAfterAsync(AutomationDbContext db, long after, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT "Sequence","EventId","CustomerId","Type","Timestamp","Value","PropertiesJson","ReceivedAt" FROM events
            WHERE "Sequence" > $after ORDER BY "Sequence" LIMIT $take
            """;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$take", take);
        var events = new List<StoredEvent>(Math.Min(take, 8192));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var e = SqliteEventRows.Read(reader);
            e.Sequence = reader.GetInt64(0);
            events.Add(e);
        }

        return events;
    }

    /// <summary>
    /// How many events the log holds after <paramref name="after"/>: sequences are the log's row ids, so the highest less
    /// the cursor (an append rolled back leaves a gap, which this counts).
    /// </summary>
    public static async Task<long> CountAfterAsync(AutomationDbContext db, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.Database.SqlQueryRaw<long>(SqliteEventRows.LastSequence).SingleAsync(cancellationToken);
        return last - after;
    }
}
