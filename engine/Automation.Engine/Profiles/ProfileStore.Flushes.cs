using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Profiles;

/// <summary>The write-behind store's flushes: taking the changed profiles, writing them, and trimming memory after.</summary>
public sealed partial class ProfileStore
{
    /// <summary>
    /// Takes the changed profiles for a flush: each serialized into a detached copy (the processor may go on folding
    /// the live ones while the flush is written), in key order; nothing is dirty afterwards. <see cref="Flushed"/> is
    /// called once the flush commits.
    /// </summary>
    public Flush TakeChanged() => new([.. TakeDirty().Select(Detached)], [.. published]);

    /// <summary>
    /// As <see cref="TakeChanged"/>, but the copies are serialized on another core while the caller writes the batch's
    /// memberships and messages (serializing was a third of the flush that ends a backlog). Nothing may fold the
    /// profiles until the task ends.
    /// </summary>
    public Task<Flush> TakeChangedAsync()
    {
        var taken = TakeDirty();
        KeyValuePair<string, CustomerProfile>[] copies = [.. published];
        return Task.Run(() => new Flush(taken.ConvertAll(Detached), copies));
    }

    /// <summary>
    /// Caught up, nothing folds meanwhile: writes the changed profiles as <see cref="WriteAsync"/> does, each chunk
    /// serialized on another core while the chunk before goes into the database (serializing was a third of the flush
    /// that ends a backlog, and the other core idled through it). Returns the flush, for <see cref="Flushed"/>.
    /// </summary>
    public async Task<Flush> WriteChangedAsync(AutomationDbContext db, long cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        var chunks = TakeDirty().Chunk(FlushChunk).ToList();
        var flush = new Flush(new List<CustomerProfile>(chunks.Sum(c => c.Length)), [.. published]);
        var next = chunks.Count > 0 ? SerializeAsync(chunks[0]) : null;
        try
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var rows = await next!;
                next = i + 1 < chunks.Count ? SerializeAsync(chunks[i + 1]) : null;
                await BulkRows.UpsertAsync(db, rows, cancellationToken);
                flush.Rows.AddRange(rows);
            }
        }
        finally
        {
            if (next is not null)
            {
                // A write failed while the next chunk was being serialized: it ends before the caller drops memory.
                await Task.WhenAny(next);
            }
        }

        await FinishAsync(db, cursor, timings.Add("    flush: profiles serialized and written", t, flush.Rows.Count), cancellationToken);
        return flush;

        static Task<CustomerProfile[]> SerializeAsync(Entry[] entries) => Task.Run(() => Array.ConvertAll(entries, Detached));
    }

    /// <summary>The changed entries, unmarked, in key order.</summary>
    private List<Entry> TakeDirty()
    {
        var taken = new List<Entry>(dirtyCount);
        foreach (var entry in dirty)
        {
            if (entry.Dirty)
            {
                entry.Dirty = false;
                taken.Add(entry);
            }
        }

        dirty.Clear();
        dirtyCount = 0;
        firstDirtyAt = null;

        // In key order the upserts walk the primary-key index (and, for profiles first written together, the table)
        // page after page instead of jumping: 100k profile upserts took about half as long in a raw SQLite test.
        taken.Sort(static (a, b) => string.CompareOrdinal(a.Profile.CustomerId, b.Profile.CustomerId));
        return taken;
    }

    /// <summary>A copy of the entry's profile with its state serialized into it, which later folds do not touch.</summary>
    private static CustomerProfile Detached(Entry entry)
    {
        var row = entry.Profile.Copy();
        entry.State.Serialize(row);
        return row;
    }

    /// <summary>
    /// Writes the flush's profiles, records that they go up to <paramref name="cursor"/> and files the events up to it
    /// under their customers, in the caller's transaction.
    /// </summary>
    public async Task WriteAsync(AutomationDbContext db, Flush flush, long cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(flush);
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        await BulkRows.UpsertAsync(db, flush.Rows, cancellationToken);
        await FinishAsync(db, cursor, timings.Add("    flush: profile rows", t, flush.Rows.Count), cancellationToken);
    }

    /// <summary>After a flush's rows: records how far the stored profiles go and files the events up to there.</summary>
    private async Task FinishAsync(AutomationDbContext db, long cursor, long started, CancellationToken cancellationToken)
    {
        await SaveFlushedAsync(db, cursor, cancellationToken);
        stored = cursor;
        await EventCustomerRows.FileAsync(db, cursor, cancellationToken);
        timings.Add("    flush: events filed by customer", started);
    }

    /// <summary>
    /// Writes the profiles held in memory now, in a transaction of its own; a segment sweep or an RFM refresh calls it
    /// (under the write gate) so that it reads what the processor knows.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (dirtyCount == 0 || Cursor is not { } cursor)
        {
            return;
        }

        try
        {
            var t = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var flush = TakeChanged();
            await WriteAsync(db, flush, cursor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Flushed(flush);
            timings.Add("  flush profiles for a sweep or refresh", t, flush.Rows.Count);
        }
        catch
        {
            Reset();
            throw;
        }
    }

    /// <summary>
    /// The flush committed: the copies kept for message consumers that it covers go (the rows are as new), and memory
    /// is trimmed to the configured capacity, never dropping a profile changed since.
    /// </summary>
    public void Flushed(Flush flush)
    {
        ArgumentNullException.ThrowIfNull(flush);
        FlushRecorded = true;
        foreach (var copy in flush.Published)
        {
            published.TryRemove(copy);
        }

        var capacity = options.Value.Processing.ProfileCacheSize;
        if (entries.Count > capacity)
        {
            // Not LRU: the profiles kept are whichever the dictionary yields first; a miss only costs one read.
            foreach (var (id, entry) in entries.Skip(capacity * 3 / 4).Where(e => !e.Value.Dirty).ToList())
            {
                entries.Remove(id);
                entry.Detached = true;
            }
        }
    }

    /// <summary>
    /// Drops the profiles held unchanged since the last flush, because a set-based write (the RFM refresh) changed
    /// their rows underneath: a sweep reading the held copy would place customers by their old scores.
    /// </summary>
    public void ForgetUnchanged()
    {
        foreach (var (id, entry) in entries.Where(e => !e.Value.Dirty).ToList())
        {
            entries.Remove(id);
            entry.Detached = true;
        }
    }

    /// <summary>The profile rows of one flush, and the consumers' copies it makes unnecessary once committed.</summary>
    public sealed record Flush(List<CustomerProfile> Rows, KeyValuePair<string, CustomerProfile>[] Published);
}
