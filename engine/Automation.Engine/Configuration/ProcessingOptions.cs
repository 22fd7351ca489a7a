
namespace Automation.Engine.Configuration;

public sealed class ProcessingOptions
{
    /// <summary>
    /// Events taken from the log per processing transaction while the processor keeps up. A batch shorter than this
    /// means it has caught up: the embedded default then writes the profiles it holds, so that readers see them.
    /// </summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>
    /// Embedded default: the most a batch takes; a batch takes every event waiting, at least <see cref="BatchSize"/>.
    /// Each customer of a batch is folded once per event but scored, evaluated against the segments and written once
    /// per batch, so a batch several times larger than the number of customers in it does that work once for many
    /// events (1M events over 100k customers: 5k-event batches evaluated 975k customers, 500k-event batches 199k, one
    /// 1M batch 100k, and ran 114k-125k events/s end to end against 101k-107k with 500k). A large batch holds the
    /// write gate longer; a batch appended meanwhile is staged in the embedded home's event inbox rather than waiting for it.
    /// </summary>
    public int BacklogBatchSize { get; set; } = 1_000_000;

    /// <summary>
    /// Embedded default: changed profiles are kept in memory and written together once the processor has caught up
    /// with the log, once this many are changed, or once the oldest change is <see cref="ProfileFlushInterval"/> old.
    /// </summary>
    public int MaxUnwrittenProfiles { get; set; } = 100_000;

    /// <summary>
    /// The longest a changed profile waits in memory before it is written (embedded default, under a backlog). Under a
    /// backlog the stored profiles lag the log anyway; each flush rewrites every changed profile, so flushing more often
    /// mostly writes the same customers again (a 1M-event backlog over 100k customers wrote 289k profile rows at 10 s).
    /// </summary>
    public TimeSpan ProfileFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many profiles the embedded processor keeps in memory between batches (each costs a few KiB).</summary>
    public int ProfileCacheSize { get; set; } = 250_000;

    /// <summary>
    /// Embedded default: how many just-appended events are held for the processor so that it need not read them back
    /// (a few hundred bytes each); beyond it, the processor reads the log.
    /// </summary>
    public int TailCapacity { get; set; } = 1_000_000;

    /// <summary>
    /// Embedded default: once this many appended events are not yet filed under their customer (for the timeline,
    /// erasure and merges), they are filed in a transaction of their own while the processor folds, rather than in the
    /// batch writes or the flush that ends a backlog; caught up, a flush files the rest.
    /// </summary>
    public int MarkProcessedEvery { get; set; } = 200_000;

    /// <summary>How often the log is polled for events other processes appended.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A cart add or checkout with no purchase within this window counts as abandoned.</summary>
    public TimeSpan CartAbandonmentWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Activity after this much silence starts a new session.</summary>
    public TimeSpan SessionGap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the RFM batch job recomputes quintile boundaries and scores (and snapshots segment sizes).</summary>
    public TimeSpan RfmRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often every profile is re-evaluated against the segments without a new event: time passing moves
    /// customers too (days inactive, a cart left past the abandonment window, a TTL lapsing, new RFM scores).
    /// </summary>
    public TimeSpan SegmentSweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
