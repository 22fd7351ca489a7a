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
/// Every member is called under the <see cref="ProfileWriteGate"/>; a flush taken with <see cref="TakeChanged"/>
/// is detached, so the processor may write it while it folds the next batch.
/// </summary>
public sealed partial class ProfileStore(IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, TimeProvider clock, ProcessingTimings timings)
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
