using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// The embedded default's append: one prepared INSERT reused for the whole batch in one transaction, duplicates
/// skipped by the unique event id (ON CONFLICT DO NOTHING) instead of a lookup first — no change tracking, no
/// per-batch SQL building. The commit is the durability point (WAL, synchronous FULL); the committed rows then go
/// to the processor's <see cref="EventTail"/>.
/// </summary>
public static class SqliteEventAppender
{
    /// <summary>Appends the events; returns how many were new (the rest were already in the log).</summary>
    public static async Task<int> AppendAsync(AutomationDbContext db, IReadOnlyList<StoredEvent> events, EventTail? tail, CancellationToken cancellationToken) =>
        (await AppendAsync(db, events, tail, wait: true, cancellationToken))!.Value;

    /// <summary>
    /// Appends the events only if no other writer of this process holds the file this moment; null when one does (and
    /// nothing was written).
    /// </summary>
    public static Task<int?> TryAppendAsync(AutomationDbContext db, IReadOnlyList<StoredEvent> events, EventTail? tail, CancellationToken cancellationToken) =>
        AppendAsync(db, events, tail, wait: false, cancellationToken);

    private static async Task<int?> AppendAsync(AutomationDbContext db, IReadOnlyList<StoredEvent> events, EventTail? tail, bool wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        // Its transaction is the connection's own, not EF Core's: it queues at the write gate by hand.
        bool entered;
        if (wait)
        {
            entered = await SqliteWriteGate.EnterAsync(connection, cancellationToken);
        }
        else if (!SqliteWriteGate.TryEnter(connection, out entered))
        {
            return null;
        }

        try
        {
            // The engine's connections commit with NORMAL; an accepted batch must survive a power loss too.
            await using (var full = connection.CreateCommand())
            {
                full.CommandText = SqliteConnectionTuning.Full;
                await full.ExecuteNonQueryAsync(cancellationToken);
            }

            return await InsertAsync(connection, events, tail, cancellationToken);
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

    private static async Task<int> InsertAsync(SqliteConnection connection, IReadOnlyList<StoredEvent> events, EventTail? tail, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = SqliteEventRows.LastSequence;
        var previousMax = (long)(await last.ExecuteScalarAsync(cancellationToken))!;
        var stored = SqliteEventRows.Append(connection, events);
        await transaction.CommitAsync(cancellationToken);

        // Still under the write gate, so the tail gets batches in the order they committed.
        tail?.Appended(previousMax, stored);
        return stored.Count;
    }
}
