using System.Diagnostics;
using Automation.Engine.Configuration;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Events;

/// <summary>
/// Embedded default: files appended events under their customers (<see cref="EventCustomerRows.FileAsync"/>) in a
/// transaction of its own, on the other core, while the processor folds. Filing needs only the stored events, not
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
    // A million events take about 1.7 s to file on this machine: the longest an append then waits at the write gate,
    // about as long as a backlog batch's own write.
    private const long MaxStep = 1_000_000;

    private Task<long>? running;

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

        var upTo = Math.Min(last, filed.Value + MaxStep);
        running = Task.Run(() => FileAsync(upTo), CancellationToken.None);
    }

    /// <summary>Waits for the running step, if any (a failed one is logged; its events are filed by a later step).</summary>
    public async ValueTask DisposeAsync()
    {
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

    /// <summary>Files the events up to <paramref name="upTo"/>; returns the checkpoint afterwards.</summary>
    private async Task<long> FileAsync(long upTo)
    {
        var t = Stopwatch.GetTimestamp();
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Profiles).SingleOrDefaultAsync(CancellationToken.None) is null)
        {
            // A database whose stored profiles were never recorded: recovery would go by the last event filed.
            return await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed).SingleOrDefaultAsync(CancellationToken.None) ?? 0;
        }

        var rows = await EventCustomerRows.FileAsync(db, upTo, CancellationToken.None);
        var checkpoint = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.Indexed).SingleAsync(CancellationToken.None) ?? upTo;
        await transaction.CommitAsync(CancellationToken.None);
        timings.Add("events filed by customer ahead", t, rows);
        return checkpoint;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filing events under their customers failed; a later step files them (the timeline finds them by sequence meanwhile)")]
    private static partial void LogFilingFailed(ILogger logger, Exception ex);
}
