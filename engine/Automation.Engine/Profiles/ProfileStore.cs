using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Profiles;

/// <summary>
/// The embedded default's write-behind profile store. The event processor is the only writer of profiles (one process
/// owns an SQLite file), so it keeps the live profiles it folds in memory — with their parsed state — and writes the
/// changed ones in one set-based flush when it has caught up with the log, when too many are changed, or when the
/// oldest change is too old. A backlog then costs one profile write per customer per flush instead of one per batch.
/// <para>
/// Events at or below the cursor have their side effects (segment changes, outbox messages, workflow steps)
/// committed batch by batch; a flush stores the profiles and, in the same transaction, how far they go (the
/// <see cref="ProcessingCheckpoint.Profiles"/> checkpoint). After a crash the events between the two are folded again
/// into the stored profiles without their side effects (<see cref="Events.EventProcessor"/>), so nothing is lost and
/// nothing is sent twice. Filing events under their customer is apart from both, and is cheapest in large transactions (<see cref="EventCustomerRows.FileAsync"/>).
/// </para>
/// Every member is called under the <see cref="Segments.ProfileWriteGate"/>; a flush taken with <see cref="TakeChanged"/>
/// is detached, so the processor may write it while it folds the next batch.
/// </summary>
public sealed class ProfileStore(IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, TimeProvider clock, ProcessingTimings timings)
{
    // Profiles per chunk of a caught-up flush: one is serialized while the one before is written.
    private const int FlushChunk = 2048;

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    // The entries changed since the last flush, marked on the entry itself: a batch resolves each customer's entry once
    // and marks it without hashing the id into a set again. An entry forgotten or replaced since is unmarked, so skipped.
    private readonly List<Entry> dirty = [];
    private int dirtyCount;

    // Read from other threads (message consumers) without the write gate, so concurrent; see Publish.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CustomerProfile> published = new(StringComparer.Ordinal);
    private long? firstDirtyAt;

    // How far the stored profiles go, as last read or written.
    private long stored;

    /// <summary>The processor's cursor as last committed; null until read from the database.</summary>
    public long? Cursor { get; private set; }

    /// <summary>True when the cursor and memory no longer agree with the database (a failed batch): start over from it.</summary>
    public bool NeedsRecovery => Cursor is null;

    public int Count => entries.Count;

    /// <summary>
    /// The database records how far its profiles go (<see cref="ProcessingCheckpoint.Profiles"/>): only then may events
    /// be filed ahead of a flush (the embedded home's event filer), since without the record recovery goes by the last event filed.
    /// </summary>
    public bool FlushRecorded { get; private set; }

    public int Dirty => dirtyCount;

    /// <summary>How long the oldest unwritten change has waited.</summary>
    public TimeSpan DirtyFor => firstDirtyAt is { } at ? clock.GetElapsedTime(at) : TimeSpan.Zero;

    public bool TryGet(string customerId, out Entry entry) => entries.TryGetValue(customerId, out entry!);

    /// <summary>Keeps the profile (and its parsed state) and remembers it must be written; returns its entry.</summary>
    public Entry Changed(CustomerProfile profile, ProfileState state)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ref var held = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(entries, profile.CustomerId, out _);
        held ??= new Entry { Profile = profile, State = state };
        held.Profile = profile;
        held.State = state;
        Changed(held);
        return held;
    }

    /// <summary>The entry (held by this store) was changed in place: it must be written.</summary>
    public void Changed(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Detached)
        {
            throw new InvalidOperationException($"the profile of {entry.Profile.CustomerId} is no longer held: resolve it again");
        }

        if (entry.Dirty)
        {
            return;
        }

        entry.Dirty = true;
        dirty.Add(entry);
        dirtyCount++;
        firstDirtyAt ??= clock.GetTimestamp();
    }

    /// <summary>
    /// Memberships are written batch by batch (they carry the segment messages); the store only keeps a copy so the
    /// next batch need not read them. A segment sweep that rewrote them drops the copies of its customers.
    /// </summary>
    public void ForgetMemberships(IEnumerable<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var id in customerIds)
        {
            if (entries.TryGetValue(id, out var entry))
            {
                entry.Memberships = null;
            }
        }
    }

    /// <summary>
    /// Keeps a copy of the profile as of a batch whose messages are about this customer (a segment entered, a score
    /// crossed). The workflows those messages start read the profile outside the processor; until the next flush the
    /// stored row may be older than the message, so they read this copy instead (<see cref="Current"/>).
    /// </summary>
    public void Publish(CustomerProfile profile, ProfileState state)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(state);
        var copy = profile.Copy();
        state.Serialize(copy);
        published[copy.CustomerId] = copy;
    }

    /// <summary>The profile a message consumer should read, when the stored row may be behind it; null: read the row. Safe from any thread.</summary>
    public CustomerProfile? Current(string customerId) => published.TryGetValue(customerId, out var profile) ? profile.Copy() : null;

    /// <summary>The customer was erased or merged away: nothing of it may be written back.</summary>
    public void Forget(string customerId)
    {
        if (entries.Remove(customerId, out var entry))
        {
            entry.Detached = true;
            if (entry.Dirty)
            {
                entry.Dirty = false;
                dirtyCount--;
            }
        }

        published.TryRemove(customerId, out _);
    }

    /// <summary>The cursor a committed batch moved to.</summary>
    public void Committed(long cursor) => Cursor = cursor;

    /// <summary>Drops everything held in memory: the next batch recovers from the database.</summary>
    public void Reset()
    {
        foreach (var entry in entries.Values)
        {
            entry.Detached = true;
        }

        entries.Clear();
        dirty.Clear();
        dirtyCount = 0;
        published.Clear();
        firstDirtyAt = null;
        Cursor = null;
        FlushRecorded = false;
    }

    /// <summary>Reads the committed cursor (0 before the first batch).</summary>
    public async Task<long> LoadCursorAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cursor = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Events).SingleOrDefaultAsync(cancellationToken) ?? 0;
        Cursor = cursor;
        return cursor;
    }

    /// <summary>
    /// How far the stored profiles go: every event at or below it is folded into them. A database that predates the
    /// checkpoint marked events processed only when their profiles were written, so there it is the last processed event
    /// (which its migration to the key table recorded as the <see cref="ProcessingCheckpoint.Indexed"/> checkpoint).
    /// </summary>
    public async Task<long> LoadFlushedAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var flushed = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Profiles).SingleOrDefaultAsync(cancellationToken);
        FlushRecorded = flushed is not null;
        stored = flushed ?? await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed).SingleOrDefaultAsync(cancellationToken) ?? 0;
        return stored;
    }

    /// <summary>Records how far the stored profiles go, in the caller's transaction, so that events may be filed ahead of a flush.</summary>
    public async Task RecordFlushedAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        await SaveFlushedAsync(db, stored, cancellationToken);
        FlushRecorded = true;
    }

    private static Task SaveFlushedAsync(AutomationDbContext db, long sequence, CancellationToken cancellationToken) =>
        ProcessingCheckpoints.SaveAsync(db, ProcessingCheckpoint.Profiles, sequence, cancellationToken);

    /// <summary>Stores the cursor in the caller's transaction.</summary>
    public static Task SaveCursorAsync(AutomationDbContext db, long cursor, CancellationToken cancellationToken) =>
        ProcessingCheckpoints.SaveAsync(db, ProcessingCheckpoint.Events, cursor, cancellationToken);

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

    /// <summary>The profile rows of one flush, and the consumers' copies it makes unnecessary once committed.</summary>
    public sealed record Flush(List<CustomerProfile> Rows, KeyValuePair<string, CustomerProfile>[] Published);

    /// <summary>A profile with its parsed working state, and its segment memberships once known.</summary>
    public sealed class Entry
    {
        public required CustomerProfile Profile { get; set; }

        public required ProfileState State { get; set; }

        /// <summary>The customer's memberships as last committed; null when they must be read.</summary>
        public List<SegmentMembership>? Memberships { get; set; }

        /// <summary>Changed since the last flush (and still held).</summary>
        public bool Dirty { get; internal set; }

        /// <summary>Dropped from the store (forgotten, trimmed or reset): changes to it are no longer kept.</summary>
        public bool Detached { get; internal set; }
    }
}
