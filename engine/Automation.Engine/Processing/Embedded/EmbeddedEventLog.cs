using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// The embedded log. In the engine process it is appended through the <see cref="EventInbox"/>, which stages a batch
/// while the file's writer is busy; without one (a command-line import) it is appended straight into the file.
/// </summary>
public sealed class EmbeddedEventLog(IDbContextFactory<AutomationDbContext> databases, EventInbox? inbox = null, EventTail? tail = null) : IEventLog
{
    public async Task<int> AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return inbox is not null
            ? await inbox.AppendAsync(db, events, cancellationToken)
            : await SqliteEventAppender.AppendAsync(db, events, null, cancellationToken);
    }

    public long Staged(AutomationDbContext db) => inbox?.Unmoved(db) ?? 0;

    public async Task SettleAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        if (inbox is not null)
        {
            await inbox.MoveAsync(db, cancellationToken);
        }
    }

    public async Task<bool> ScrubAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The processor must not fold erased events it was handed at append: it reads the log instead.
        tail?.Clear();

        // secure_delete overwrote the rows in the files; the write-ahead logs still hold the pages as they were before.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await SqliteCheckpointer.TruncateAsync((SqliteConnection)db.Database.GetDbConnection(), cancellationToken)
            & (inbox is null || await inbox.TruncateLogAsync(cancellationToken));
    }

    // No processed flag here: what lies at or below both checkpoints is folded and its profiles stored (a restart folds
    // again what lies above).
    public async Task<int> DeleteProcessedAsync(AutomationDbContext db, long first, long last, DateTime receivedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var processed = await CheckpointAsync(db, ProcessingCheckpoint.Events, cancellationToken);
        var profiled = await CheckpointAsync(db, ProcessingCheckpoint.Profiles, cancellationToken);
        var to = Math.Min(last, Math.Min(processed, profiled));
        var old = db.Events.Where(e => e.Sequence >= first && e.Sequence <= to && e.ReceivedAt < receivedBefore);

        // Nothing due, the usual answer: no transaction, so the file's one writer is not taken for nothing.
        if (to < first || !await old.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Their filing under the customer (the embedded timeline's index) goes with them, found by its key.
        await db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM event_customers WHERE ("CustomerId","Timestamp","Sequence") IN
            (SELECT "CustomerId","Timestamp","Sequence" FROM events WHERE "Sequence" >= {first} AND "Sequence" <= {to} AND "ReceivedAt" < {SqliteDates.Text(receivedBefore)})
            """,
            cancellationToken);
        var deleted = await old.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static async Task<long> CheckpointAsync(AutomationDbContext db, string name, CancellationToken cancellationToken) =>
        await ProcessingCheckpoints.SequenceOf(db, name).FirstOrDefaultAsync(cancellationToken) ?? 0;
}
