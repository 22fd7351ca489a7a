using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// Lets the embedded default accept a batch while the engine file's one writer is busy. SQLite has a single writer
/// per file, and the event processor's batch writes (workflows, memberships, profiles) held it for most of a steady
/// HTTP ingest: each 202 waited for them. A batch that finds the writer busy is made durable in the inbox, a small
/// SQLite file of its own (synchronous FULL), and answered at once; the processor moves what is staged into the log
/// in one append before each batch, so a busy engine folds larger batches instead of making senders wait. A batch
/// that finds the writer free, with nothing staged before it, goes straight into the log as before.
/// <para>
/// Duplicates are told apart as before: an id is staged only when neither the log nor the inbox has it, and a row
/// leaves the inbox only after the log has it, both under this class's lock. After a restart whatever the inbox holds
/// is moved first; a row moved but not yet deleted when the process died is moved again and skipped by its id.
/// </para>
/// Only the process that runs the processor stages (the host); the CLI appends straight into the log.
/// </summary>
public sealed class EventInbox(EventTail tail, ProcessingTimings? timings = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly SemaphoreSlim moving = new(1, 1);
    private readonly Queue<Staged> staged = new();
    private SqliteConnection? inbox;
    private string? path;
    private bool recovered;
    private int pending;

    /// <summary>Events accepted into the inbox and not yet moved into the log (as far as this process knows).</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>False until what an earlier run left in the inbox file has been read.</summary>
    public bool Recovered => Volatile.Read(ref recovered);

    /// <summary>Events in the inbox, not yet in the log: this process's count, or the file's before it has been read.</summary>
    public long Unmoved(AutomationDbContext db) => Recovered ? Pending : SqliteInboxRows.Count(PathOf(db));

    /// <summary>Appends the events to the log, or stages them when another writer holds it; returns how many were new.</summary>
    public async Task<int> AppendAsync(AutomationDbContext db, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (!recovered)
            {
                await RecoverAsync(db, cancellationToken);
            }

            // Staged rows go first: an event appended now must not overtake what was accepted before it. A writer held
            // only a moment (a checkpoint finishing during a bulk import, before the processor runs) would otherwise
            // leave every later batch staged and written twice: the first append to find the file free moves them
            // itself, unless a move is under way. (Moving them only once they had waited a second measured no better
            // over HTTP and cost the bulk import a quarter of its append rate.)
            if (Pending > 0 && moving.Wait(0))
            {
                try
                {
                    List<Staged> taking = [.. staged];
                    if (await SqliteEventAppender.TryAppendAsync(db, Events(taking), tail, cancellationToken) is not null)
                    {
                        Drop(taking);
                    }
                }
                finally
                {
                    moving.Release();
                }
            }

            var t = Stopwatch.GetTimestamp();
            if (Pending == 0 && await SqliteEventAppender.TryAppendAsync(db, events, tail, cancellationToken) is { } added)
            {
                timings?.Add("ingest:   into the log", t, events.Count);
                return added;
            }

            var connection = await OpenAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var (rows, last) = SqliteInboxRows.Stage(connection, (SqliteConnection)db.Database.GetDbConnection(), events);
            await transaction.CommitAsync(cancellationToken);
            timings?.Add("ingest:   staged in the inbox", t, events.Count);
            if (rows.Count > 0)
            {
                staged.Enqueue(new Staged(rows, last));
                Interlocked.Add(ref pending, rows.Count);
            }

            return rows.Count;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Moves everything staged into the log (one append, through the write gate) and drops it from the inbox; returns
    /// how many events the log gained (a row moved once before a restart is not added again). After a restart the
    /// first call reads what the inbox file holds.
    /// </summary>
    public Task<int> MoveAsync(AutomationDbContext db, CancellationToken cancellationToken) => MoveAsync(db, wait: true, cancellationToken);

    /// <summary>As <see cref="MoveAsync(AutomationDbContext, CancellationToken)"/> if no other writer holds the file this moment; otherwise moves nothing.</summary>
    public Task<int> TryMoveAsync(AutomationDbContext db, CancellationToken cancellationToken) => MoveAsync(db, wait: false, cancellationToken);

    private async Task<int> MoveAsync(AutomationDbContext db, bool wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await moving.WaitAsync(cancellationToken);
        try
        {
            List<Staged> taking;
            await turn.WaitAsync(cancellationToken);
            try
            {
                if (!recovered)
                {
                    await RecoverAsync(db, cancellationToken);
                }

                if (staged.Count == 0)
                {
                    return 0;
                }

                taking = [.. staged];
            }
            finally
            {
                turn.Release();
            }

            // Appends go on meanwhile: they see the staged rows still here, so they stage too, behind these.
            var events = Events(taking);
            var added = wait ? await SqliteEventAppender.AppendAsync(db, events, tail, cancellationToken) : await SqliteEventAppender.TryAppendAsync(db, events, tail, cancellationToken);
            if (added is null)
            {
                return 0;
            }

            await turn.WaitAsync(cancellationToken);
            try
            {
                Drop(taking);
            }
            finally
            {
                turn.Release();
            }

            return added.Value;
        }
        finally
        {
            moving.Release();
        }
    }

    private static List<StoredEvent> Events(List<Staged> taking) => taking.Count == 1 ? taking[0].Events : [.. taking.SelectMany(s => s.Events)];

    /// <summary>The staged batches just moved into the log leave the inbox. Called under the lock.</summary>
    private void Drop(List<Staged> taking)
    {
        SqliteInboxRows.DeleteThrough(inbox!, taking[^1].Last);
        foreach (var moved in taking)
        {
            staged.Dequeue();
            Interlocked.Add(ref pending, -moved.Events.Count);
        }
    }

    /// <summary>
    /// Empties the inbox file's write-ahead log into the file (an erasure: rows moved out of the inbox are overwritten
    /// there by secure_delete, and no older copy of them may stay in the log); false when a reader kept it busy.
    /// </summary>
    public async Task<bool> TruncateLogAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (inbox is null)
            {
                return true;
            }

            await using var command = inbox.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0;
        }
        finally
        {
            turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (inbox is not null)
        {
            await inbox.DisposeAsync();
        }

        turn.Dispose();
        moving.Dispose();
    }

    /// <summary>The events another run of this engine left in the inbox, queued to be moved first. Called under the lock.</summary>
    private async Task RecoverAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        if (File.Exists(PathOf(db)))
        {
            var (rows, last) = SqliteInboxRows.ReadAll(await OpenAsync(db, cancellationToken));
            if (rows.Count > 0)
            {
                staged.Enqueue(new Staged(rows, last));
                Interlocked.Add(ref pending, rows.Count);
            }
        }

        // Only once read: a failed read is tried again by the next append or move.
        Volatile.Write(ref recovered, true);
    }

    /// <summary>The inbox's own connection, opened (and the file created) on first use. Called under the lock.</summary>
    private async Task<SqliteConnection> OpenAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        if (inbox is not null)
        {
            return inbox;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = PathOf(db), Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = SqliteInboxRows.Schema;
            await schema.ExecuteNonQueryAsync(cancellationToken);
        }

        return inbox = connection;
    }

    private string PathOf(AutomationDbContext db) =>
        path ??= SqliteInboxRows.PathFor(Path.GetFullPath(((SqliteConnection)db.Database.GetDbConnection()).DataSource));

    /// <summary>A staged batch: its events and the inbox's arrival number of the last one.</summary>
    private sealed record Staged(List<StoredEvent> Events, long Last);
}
