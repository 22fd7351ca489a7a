using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Segments;

/// <summary>
/// Re-evaluates segments over every stored profile, a page at a time: all segments on a schedule (time passing
/// moves customers without an event), or one segment when it is created or changed (the backfill). Each page is
/// one transaction with its SegmentEntered/Exited messages in the outbox, under the same write gate as the event
/// processor, so the two never race on a membership.
/// </summary>
public sealed class SegmentSweeper(
    IDbContextFactory<AutomationDbContext> databases,
    SegmentCatalog catalog,
    FeatureCalculator calculator,
    ProfileWriteGate gate,
    ProfileStore store,
    OutboxSignal outbox,
    ProcessingTimings timings,
    TimeProvider clock)
{
    private const int PageSize = 500;
    private const string AllSegments = "*";
    private static readonly ILookup<string, SegmentMembership> NoMemberships = Array.Empty<SegmentMembership>().ToLookup(m => m.CustomerId);
    private readonly ConcurrentDictionary<string, SegmentSweepProgress> progress = new(StringComparer.Ordinal);
    private readonly Channel<string?> requests = Channel.CreateUnbounded<string?>();

    /// <summary>Queues a backfill of one segment (null: every segment) and returns its progress record.</summary>
    public SegmentSweepProgress Request(string? segment)
    {
        var entry = new SegmentSweepProgress { Segment = segment, QueuedAt = clock.GetUtcNow().UtcDateTime };
        progress[segment ?? AllSegments] = entry;
        requests.Writer.TryWrite(segment);
        return entry;
    }

    /// <summary>The latest sweep of a segment (null: the latest full sweep), or null when none ran here yet.</summary>
    public SegmentSweepProgress? Progress(string? segment) => progress.GetValueOrDefault(segment ?? AllSegments);

    /// <summary>The next queued request, waiting at most the given time; false when none came.</summary>
    public async Task<(bool Requested, string? Segment)> NextRequestAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            var segment = await requests.Reader.ReadAsync(timeout.Token);
            return (true, segment);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, null);
        }
    }

    /// <summary>Runs a sweep now: one segment's backfill, or all segments when segment is null.</summary>
    public Task<SegmentSweepProgress> SweepAsync(string? segment, CancellationToken cancellationToken) => SweepAsync(segment, null, cancellationToken);

    /// <summary>
    /// Runs a sweep of every segment over the given customers only (those whose RFM scores a refresh changed): the
    /// others' memberships cannot have moved. Reported as the full sweep's progress.
    /// </summary>
    public Task<SegmentSweepProgress> SweepCustomersAsync(IEnumerable<string> customers, CancellationToken cancellationToken)
    {
        var only = customers.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(only, StringComparer.Ordinal);
        return SweepAsync(null, only, cancellationToken);
    }

    private async Task<SegmentSweepProgress> SweepAsync(string? segment, string[]? only, CancellationToken cancellationToken)
    {
        var key = segment ?? AllSegments;
        var entry = progress.TryGetValue(key, out var queued) && queued.Status == "queued"
            ? queued
            : progress[key] = new SegmentSweepProgress { Segment = segment, QueuedAt = clock.GetUtcNow().UtcDateTime };
        entry.Status = "running";
        entry.StartedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            catalog.Invalidate();
            var segments = (await catalog.CurrentAsync(cancellationToken)).Where(s => segment is null || s.Key == segment).ToList();
            await using (var db = await databases.CreateDbContextAsync(cancellationToken))
            {
                entry.Total = only?.Length ?? await db.Profiles.CountAsync(cancellationToken);
            }

            string? after = null;
            while (segments.Count > 0)
            {
                after = await SweepPageAsync(segments, after, only, entry, cancellationToken);
                if (after is null)
                {
                    break;
                }
            }

            entry.Status = "done";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            entry.Status = "failed";
            entry.Error = ex.Message;
            throw;
        }
        finally
        {
            entry.FinishedAt = clock.GetUtcNow().UtcDateTime;
        }

        return entry;
    }

    /// <summary>One page of profiles (of <paramref name="only"/>, when given) after the given customer id; returns the last id, or null at the end.</summary>
    private async Task<string?> SweepPageAsync(List<CompiledSegment> segments, string? after, string[]? only, SegmentSweepProgress entry, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Wait for (not skip) another process's event batch: a sweep page must not race it on memberships.
        await db.LockUntilTransactionEndsAsync(DatabaseLock.ProfileWriters, null, cancellationToken);

        t = timings.Add("sweep: wait for the writers", t);
        var (page, memberships, last) = only is null ? await ReadRangeAsync(db, after, cancellationToken) : await ReadCustomersAsync(db, only, after, cancellationToken);
        if (last is null)
        {
            return null;
        }

        var ids = page.Select(p => p.CustomerId).ToList();
        t = timings.Add("sweep: read profiles and memberships", t, page.Count);
        var now = clock.GetUtcNow().UtcDateTime;
        var writes = new ProfileWrites();
        foreach (var stored in page)
        {
            // A profile the processor holds in memory (written behind) is newer than its row: the sweep reads that one,
            // rather than flushing the store on every page, which under a backlog made write-behind write-through.
            var (profile, features) = store.TryGet(stored.CustomerId, out var held)
                ? (held.Profile, calculator.Features(held.Profile, held.State.Counts, now, held.State.Carts))
                : (stored, calculator.Features(stored, now));
            var changes = MembershipWriter.Apply(writes, segments, features, FeatureCalculator.Scores(profile), [.. memberships[profile.CustomerId]], now);
            entry.Entered += changes.Count(c => c.Entered);
            entry.Exited += changes.Count(c => !c.Entered);
        }

        t = timings.Add("sweep: evaluate", t);
        await writes.WriteAsync(db, cancellationToken, timings, "sweep:   ");
        t = timings.Add("sweep: write", t);
        await transaction.CommitAsync(cancellationToken);
        timings.Add("sweep: commit", t);
        store.ForgetMemberships(ids);
        outbox.Notify();
        if (only is null)
        {
            entry.Processed += page.Count;
            return page.Count < PageSize ? null : last;
        }

        entry.Processed = Array.BinarySearch(only, last, StringComparer.Ordinal) + 1; // given customers without a profile count as done
        return last;
    }

    /// <summary>The next page of profiles by id, and their memberships: one range of the customer index, not 500 look-ups.</summary>
    private static async Task<(List<CustomerProfile>, ILookup<string, SegmentMembership>, string?)> ReadRangeAsync(AutomationDbContext db, string? after, CancellationToken cancellationToken)
    {
        var page = await db.ListUntrackedAsync(
            db.Profiles.Where(p => after == null || string.Compare(p.CustomerId, after) > 0).OrderBy(p => p.CustomerId).Take(PageSize),
            cancellationToken);
        if (page.Count == 0)
        {
            return (page, NoMemberships, null);
        }

        var last = page[^1].CustomerId;
        // Through EF Core: read directly, these memberships once made the grouped-approval browser test fail twice in a
        // row; a later run of the whole browser suite passed, but the cause was never found.
        var memberships = await db.SegmentMemberships.AsNoTracking()
            .Where(m => (after == null || string.Compare(m.CustomerId, after) > 0) && string.Compare(m.CustomerId, last) <= 0)
            .ToListAsync(cancellationToken);
        return (page, memberships.ToLookup(m => m.CustomerId, StringComparer.Ordinal), last);
    }

    /// <summary>The profiles and memberships of the next page of the given (sorted) customers.</summary>
    private static async Task<(List<CustomerProfile>, ILookup<string, SegmentMembership>, string?)> ReadCustomersAsync(AutomationDbContext db, string[] only, string? after, CancellationToken cancellationToken)
    {
        var start = after is null ? 0 : Array.BinarySearch(only, after, StringComparer.Ordinal) + 1;
        var ids = only[start..Math.Min(only.Length, start + PageSize)];
        if (ids.Length == 0)
        {
            return ([], NoMemberships, null);
        }

        var page = await db.ListUntrackedAsync(db.Profiles.Where(p => EF.Parameter(ids).Contains(p.CustomerId)).OrderBy(p => p.CustomerId), cancellationToken);
        var memberships = await db.SegmentMemberships.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.CustomerId)).ToListAsync(cancellationToken);
        return (page, memberships.ToLookup(m => m.CustomerId, StringComparer.Ordinal), ids[^1]);
    }
}
