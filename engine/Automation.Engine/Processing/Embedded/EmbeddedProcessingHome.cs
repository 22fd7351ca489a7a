using System.Diagnostics;
using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Engine.Processing.Quarantine;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// The embedded home (one SQLite file, one engine process): profiles live in the write-behind <see cref="ProfileStore"/>,
/// batches are read after a cursor from the <see cref="EventTail"/> and the log, batches accepted while the file's writer
/// was busy join the log from the <see cref="EventInbox"/>, and each batch's write goes on behind the processor while
/// the next batch is read and folded; every other writer of profiles waits for it at the <see cref="ProfileWriteGate"/>.
/// </summary>
public sealed partial class EmbeddedProcessingHome(
    IDbContextFactory<AutomationDbContext> databases,
    ProfileWriteGate gate,
    ProfileStore store,
    EventTail tail,
    EventFiler filer,
    EventInbox inbox,
    OutboxSignal outbox,
    IOptions<AutomationOptions> options,
    ProcessingTimings timings,
    TimeProvider clock,
    CustomerQuarantine quarantine,
    ILogger<EmbeddedProcessingHome> logger) : IProcessingHome, IAsyncDisposable
{
    // The write of the last batch, still going on behind the processor, and the cursor it commits.
    private (Task<EmbeddedBatch.Written> Task, long Cursor)? behind;

    // Done once the write behind has moved its workflows on and detached its rows: the next batch may fold from then on.
    private Task foldable = Task.CompletedTask;

    internal ProfileStore Store => store;

    internal OutboxSignal Outbox => outbox;

    internal ProcessingTimings Timings => timings;

    internal ProcessingOptions Processing => options.Value.Processing;

    internal Task Foldable => foldable;

    /// <summary>Events this process accepted after the batch it took (held for the processor, or staged): the log has more.</summary>
    internal bool MoreAccepted => tail.Count > 0 || inbox.Pending > 0;

    public async Task<ProcessingBatch?> OpenAsync(CancellationToken cancellationToken)
    {
        var writing = await gate.EnterAheadAsync(cancellationToken);
        AutomationDbContext? db = null;
        try
        {
            db = await databases.CreateDbContextAsync(cancellationToken);
            var t = Stopwatch.GetTimestamp();
            var replay = store.NeedsRecovery ? await UnwrittenAsync(db, cancellationToken) : [];
            var cursor = behind?.Cursor ?? store.Cursor ?? 0;

            // A batch takes everything waiting, up to a backlog batch: a customer with many events waiting is then scored,
            // evaluated and written once for all of them (a 400k backlog took 80 batches of 5k, each customer evaluated in
            // most of them). A caught-up processor's batches are short anyway.
            var waiting = await SqliteEventReader.CountAfterAsync(db, cursor, cancellationToken);
            if (inbox.Pending > 0 || !inbox.Recovered)
            {
                // What was accepted while the writer was busy joins the log in one append, for this batch to fold. With
                // events of the log to fold meanwhile, not at the price of waiting for the write behind to commit.
                var moved = waiting == 0 || behind is null ? await inbox.MoveAsync(db, cancellationToken) : await inbox.TryMoveAsync(db, cancellationToken);
                waiting += moved;
                t = timings.Add("move staged events into the log", t, moved);
            }

            var size = (int)Math.Clamp(waiting, Processing.BatchSize, Processing.BacklogBatchSize);
            await filer.StartIfDueAsync(db, cursor + waiting, cancellationToken);
            var events = await ReadAfterAsync(db, cursor, size, cancellationToken);
            if (events.Count > 0)
            {
                timings.Add("read batch", t, events.Count);
            }

            var batch = new EmbeddedBatch(this, db, writing, events, replay, cursor, waiting, clock.GetUtcNow().UtcDateTime);
            db = null;
            return batch;
        }
        catch
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }

            // What was read into memory may be ahead of the database: the next batch starts over from it.
            await SettleAsync(rethrow: false);
            store.Reset();
            writing.Dispose();
            throw;
        }
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        using var writing = await gate.EnterAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await SettleAsync(rethrow: false);

    /// <summary>Hands the batch's write over to go on behind the processor; whoever enters the gate next waits for it.</summary>
    internal void Behind(Task<EmbeddedBatch.Written> writing, long cursor, Task foldsFrom)
    {
        behind = (writing, cursor);
        foldable = foldsFrom;
        gate.Behind(() => SettleAsync(rethrow: false));
    }

    /// <summary>
    /// Waits for the write behind the processor and takes in what it committed (its cursor, its flush); when it failed,
    /// memory is dropped so that the next batch recovers from the database. Called under the gate.
    /// </summary>
    internal async Task SettleAsync(bool rethrow)
    {
        if (behind is not { } write)
        {
            return;
        }

        behind = null;
        foldable = Task.CompletedTask;
        try
        {
            var written = await write.Task;
            store.Committed(written.Cursor);
            if (written.Flush is { } flush)
            {
                store.Flushed(flush);
            }
        }
        catch (CustomerFailedException ex) when (!rethrow)
        {
            // Seen by another writer of profiles: the customer is set aside before the processor's next batch.
            quarantine.Fail(ex);
            store.Reset();
        }
        catch (Exception ex) when (!rethrow)
        {
            LogWriteFailed(logger, ex);
            store.Reset();
        }
        catch
        {
            store.Reset();
            throw;
        }
    }

    /// <summary>
    /// The next events after the cursor: those this process appended from its <see cref="EventTail"/>, the rest (another
    /// writer's, or beyond what the tail holds) from the log, so that a short batch still means the log has no more.
    /// </summary>
    private async Task<List<StoredEvent>> ReadAfterAsync(AutomationDbContext db, long cursor, int size, CancellationToken cancellationToken)
    {
        var batch = tail.Take(cursor, size);
        if (batch.Count < size)
        {
            batch.AddRange(await SqliteEventReader.ReadAfterAsync(db, batch.Count > 0 ? batch[^1].Sequence : cursor, size - batch.Count, cancellationToken));
        }

        return batch;
    }

    /// <summary>
    /// After a restart or a failed batch: the events whose side effects committed but whose profiles were still in
    /// memory (above the stored profiles' checkpoint, filed or not), for the processor to fold again without side effects.
    /// </summary>
    private async Task<List<StoredEvent>> UnwrittenAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        var cursor = await store.LoadCursorAsync(db, cancellationToken);
        var flushed = await store.LoadFlushedAsync(db, cancellationToken);
        if (!store.FlushRecorded)
        {
            // Before any event is filed ahead of the processor (EventFiler): recovery must not go by the last event filed.
            await using var record = await db.Database.BeginTransactionAsync(cancellationToken);
            await store.RecordFlushedAsync(db, cancellationToken);
            await record.CommitAsync(cancellationToken);
        }

        return await db.Events.AsNoTracking().Where(e => e.Sequence > flushed && e.Sequence <= cursor).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing an event batch failed; its events stay unprocessed and are folded again from the log")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex);
}
