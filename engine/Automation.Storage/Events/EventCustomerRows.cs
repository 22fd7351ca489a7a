using Microsoft.EntityFrameworkCore;

namespace Automation.Storage.Events;

/// <summary>
/// A customer's events, found by an index on either provider. PostgreSQL indexes every event by customer as it is
/// appended. The embedded default files folded events under their customer in large sorted steps
/// (<see cref="EventCustomerKey"/>, up to the <see cref="ProcessingCheckpoint.Indexed"/> checkpoint), so there a
/// customer's events are two parts: those filed, found by the key table, and those above the checkpoint, found by
/// sequence (a range no longer than one filing step).
/// </summary>
public static class EventCustomerRows
{
    /// <summary>The queries whose union is the customer's events, each found by an index.</summary>
    public static IReadOnlyList<IQueryable<StoredEvent>> Parts(AutomationDbContext db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgres)
        {
            return [db.Events.Where(e => e.CustomerId == customerId)];
        }

        var filed = db.Set<EventCustomerKey>().Where(k => k.CustomerId == customerId).Select(k => k.Sequence);
        var watermark = ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed);
        return
        [
            db.Events.Where(e => filed.Contains(e.Sequence)),
            db.Events.Where(e => e.Sequence > (watermark.FirstOrDefault() ?? 0) && e.CustomerId == customerId),
        ];
    }

    /// <summary>Deletes the customer's events (and, embedded, their filing); returns how many events went.</summary>
    public static async Task<int> DeleteAsync(AutomationDbContext db, string customerId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var part in Parts(db, customerId))
        {
            deleted += await part.ExecuteDeleteAsync(cancellationToken);
        }

        if (!db.IsPostgres)
        {
            await db.Set<EventCustomerKey>().Where(k => k.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    /// <summary>Moves the events of one customer id to another (an anonymous history merged into a customer).</summary>
    public static async Task MoveAsync(AutomationDbContext db, string from, string to, CancellationToken cancellationToken)
    {
        // Events first: the filed part is found through the keys that still name the old id.
        foreach (var part in Parts(db, from))
        {
            await part.ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, to), cancellationToken);
        }

        if (!db.IsPostgres)
        {
            await db.Set<EventCustomerKey>().Where(k => k.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(k => k.CustomerId, to), cancellationToken);
        }
    }

    /// <summary>
    /// Embedded default: files the events above the checkpoint and up to <paramref name="upTo"/> under their customers
    /// and moves the checkpoint, in the caller's transaction; a checkpoint already at or past it stays. Sorted by key,
    /// the inserts walk the key table page after page, and they are cheapest in large transactions: a backlog's events
    /// are filed a quarter of a million at a time. The events themselves are only read. Returns how many were filed.
    /// </summary>
    public static async Task<int> FileAsync(AutomationDbContext db, long upTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (upTo <= from)
        {
            return 0;
        }

        var filed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO event_customers ("CustomerId","Timestamp","Sequence")
            SELECT "CustomerId","Timestamp","Sequence" FROM events
            WHERE "Sequence" > {from} AND "Sequence" <= {upTo}
            ORDER BY "CustomerId","Timestamp","Sequence"
            """,
            cancellationToken);
        await ProcessingCheckpoints.SaveAsync(db, ProcessingCheckpoint.Indexed, upTo, cancellationToken);
        return filed;
    }

    /// <summary>How many events the processor has not taken yet.</summary>
    public static Task<long> UnprocessedAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgres)
        {
            return db.Events.LongCountAsync(e => !e.Processed, cancellationToken);
        }

        var cursor = ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Events);
        return db.Events.LongCountAsync(e => e.Sequence > (cursor.FirstOrDefault() ?? 0), cancellationToken);
    }

    /// <summary>When the oldest event not yet processed arrived, or null when none waits: one index probe.</summary>
    public static async Task<DateTime?> OldestUnprocessedAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgres)
        {
            return await db.Events.Where(e => !e.Processed).OrderBy(e => e.Processed).ThenBy(e => e.Sequence).Select(e => (DateTime?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        }

        var cursor = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Events).FirstOrDefaultAsync(cancellationToken) ?? 0;
        return await db.Events.Where(e => e.Sequence > cursor).OrderBy(e => e.Sequence).Select(e => (DateTime?)e.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
