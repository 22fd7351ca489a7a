using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;

namespace Automation.Engine.Profiles;

/// <summary>
/// The rows a processing batch or a sweep page changes — profiles, memberships, outbox messages — gathered in memory
/// and written set-based in the caller's transaction (no change tracking, no statement per row).
/// </summary>
public sealed class ProfileWrites
{
    private readonly Dictionary<string, CustomerProfile> profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), SegmentMembership> memberships = [];
    private readonly Dictionary<(string, string), SegmentMembership> removed = [];
    private readonly List<object> published = [];
    private DateTime publishedAt;

    public void Profile(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profiles[profile.CustomerId] = profile;
    }

    /// <summary>A membership entered or re-qualified.</summary>
    public void Membership(SegmentMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var key = (membership.CustomerId, membership.SegmentKey);
        removed.Remove(key);
        memberships[key] = membership;
    }

    public void Remove(SegmentMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var key = (membership.CustomerId, membership.SegmentKey);
        memberships.Remove(key);
        removed[key] = membership;
    }

    /// <summary>A message published after commit; the batch's messages leave a hundred to an outbox row (<see cref="OutboxEnvelope"/>).</summary>
    public void Publish<T>(T message, DateTime nowUtc)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        published.Add(message);
        publishedAt = nowUtc;
    }

    /// <summary>
    /// Detaches the gathered memberships from the objects the next batch goes on changing (a write behind the processor
    /// runs while it evaluates the next batch).
    /// </summary>
    public void Freeze()
    {
        foreach (var key in memberships.Keys.ToList())
        {
            memberships[key] = memberships[key].Copy();
        }
    }

    /// <summary>Writes every gathered row; <paramref name="timings"/>, when given, learns how long each kind took (stage names after <paramref name="stages"/>).</summary>
    public async Task WriteAsync(AutomationDbContext db, CancellationToken cancellationToken, ProcessingTimings? timings = null, string stages = "  ")
    {
        ArgumentNullException.ThrowIfNull(db);
        var t = Stopwatch.GetTimestamp();
        await BulkRows.UpsertAsync(db, profiles.Values, cancellationToken);
        t = timings?.Add(stages + "profile rows", t, profiles.Count) ?? t;
        await BulkRows.DeleteAsync(db, InKeyOrder(removed), cancellationToken);
        await BulkRows.UpsertAsync(db, InKeyOrder(memberships), cancellationToken);
        t = timings?.Add(stages + "membership rows", t, removed.Count + memberships.Count) ?? t;
        // Serialized here rather than as each is published: embedded, this runs behind the processor, on the other core.
        await BulkRows.InsertAsync(db, OutboxEnvelope.Create(published, publishedAt), cancellationToken);

        timings?.Add(stages + "outbox messages", t, published.Count);
    }

    /// <summary>
    /// Sorted by the table's key (segment, customer): the writes walk its index page after page instead of jumping, as
    /// sorted profile upserts do (<see cref="ProfileStore"/>).
    /// </summary>
    private static List<SegmentMembership> InKeyOrder(Dictionary<(string, string), SegmentMembership> rows)
    {
        var sorted = rows.Values.ToList();
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.SegmentKey, b.SegmentKey) is var bySegment and not 0 ? bySegment : string.CompareOrdinal(a.CustomerId, b.CustomerId));
        return sorted;
    }
}
