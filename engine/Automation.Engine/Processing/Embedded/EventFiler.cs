using System.Diagnostics;
using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// Embedded default: files appended events under their customers (<see cref="EventCustomerRows.FileAsync"/>) in
/// transactions of its own, on the other core, while the processor folds. Filing needs only the stored events, not
/// their profiles, so it need not wait for the processor: inside a batch's write it was a third of the write that
/// ends a backlog, which nothing overlaps. Events may be filed before they are processed; recovery goes by the
/// recorded <see cref="ProcessingCheckpoint.Profiles"/> checkpoint, so a step runs only once that is recorded.
/// </summary>
public sealed partial class EventFiler(
    IDbContextFactory<AutomationDbContext> databases,
    IOptions<AutomationOptions> options,
    ProcessingTimings timings,
    ILogger<EventFiler> logger) : IAsyncDisposable
{
    // Events filed per transaction: a million took about 1.7 s, the longest an append then waited at the write gate;
    // a quarter of that still files in large, sorted transactions, which is where filing is cheapest.
    private const long StepEvents = 250_000;

    private Task<long>? running;

    // Set when disposed: a running step is the last.
    private volatile bool stopping;

    // The checkpoint as this filer last saw it (another flush may have moved it on since); null until read.
    private long? filed;

    /// <summary>
    /// Starts a filing step when at least <see cref="ProcessingOptions.MarkProcessedEvery"/> events up to
    /// <paramref name="last"/> are unfiled and no step is running. Called by the processor, one call at a time.
    /// </summary>
    public async Task StartIfDueAsync(AutomationDbContext db, long last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (running is { IsCompleted: false })
        {
            return;
        }

        if (running is not null)
        {
            filed = await SettleAsync(running) ?? filed;
            running = null;
        }

        filed ??= await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (last - filed < options.Value.Processing.MarkProcessedEvery)
        {
            return;
        }

        running = Task.Run(() => FileAsync(last), CancellationToken.None);
    }

    /// <summary>Waits for the running step, if any (a failed one is logged; its events are filed by a later step).</summary>
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        if (running is { } step)
        {
            running = null;
            filed = await SettleAsync(step) ?? filed;
        }
    }

    private async Task<long?> SettleAsync(Task<long> step)
    {
        try
        {
            return await step;
        }
        catch (Exception ex)
        {
            LogFilingFailed(logger, ex);
            return null;
        }
    }

    /// <summary>
    /// Files the events up to <paramref name="upTo"/>, <see cref="StepEvents"/> per transaction so that appends go on
    /// between them; returns the checkpoint afterwards.
    /// </summary>
    private async Task<long> FileAsync(long upTo)
    {
        while (true)
        {
            var t = Stopwatch.GetTimestamp();
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var from = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed).SingleOrDefaultAsync(CancellationToken.None) ?? 0;
            if (from >= upTo || stopping || await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Profiles).SingleOrDefaultAsync(CancellationToken.None) is null)
            {
                // Done, stopping, or a database whose stored profiles were never recorded: recovery would go by the last
                // event filed.
                return from;
            }

            var step = Math.Min(upTo, from + StepEvents);
            var rows = await EventCustomerRows.FileAsync(db, step, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            timings.Add("events filed by customer ahead", t, rows);
            if (step >= upTo)
            {
                // The checkpoint is at upTo now: no further transaction just to find that out.
                return step;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filing events under their customers failed; a later step files them (the timeline finds them by sequence meanwhile)")]
    private static partial void LogFilingFailed(ILogger logger, Exception ex);
}
