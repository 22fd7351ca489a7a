using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Copies an SQLite file's write-ahead log into the database on a thread of its own. SQLite's automatic checkpoint
/// runs inside whichever commit finds the log past its threshold, so that commit also copies and syncs tens of
/// megabytes: about 0.3 s of the commit that ends a backlog batch, which nothing overlaps, and an append's 202 now and
/// then. Engine connections turn it off (wal_autocheckpoint=0) and a commit hook wakes this instead; a passive
/// checkpoint waits for no reader or writer, and a log it could not finish (a reader on an old snapshot, another
/// checkpoint) is tried again each interval for a while, then after the next commit. Past 64 MiB of log, the last few
/// frames are copied with this process's writers held, so that the log restarts instead of growing. A commit is
/// durable in the log itself, so a checkpoint never decides what survives a crash.
/// </summary>
public sealed class SqliteCheckpointer
{
    /// <summary>At most one checkpoint per interval while commits go on: each syncs the log and the file.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    // Log frames (pages) past which an unfinished checkpoint is finished with the writers held: 64 MiB of 4 KiB pages.
    private const long ResetFrames = 16_384;

    // Intervals an unfinished checkpoint is tried again without a new commit (a reader holding an old snapshot for longer
    // leaves the rest to the next commit).
    private const int UnfinishedRetries = 40;

    private static readonly ConcurrentDictionary<string, SqliteCheckpointer> Files = new(StringComparer.Ordinal);

    private readonly string connectionString;

    private readonly string databaseFile;

    // 1: a commit since the last checkpoint began.
    private int committed;

    // 1: the loop runs (it ends after an interval with no commit).
    private int running;

    private SqliteCheckpointer(string connectionString, string databaseFile)
    {
        this.connectionString = connectionString;
        this.databaseFile = databaseFile;
    }

    /// <summary>Wakes the file's checkpointer after each commit on this newly opened connection (a file, not memory).</summary>
    public static void Watch(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = new SqliteConnectionStringBuilder(connection.ConnectionString);
        if (connection.Handle is not { } handle || settings.Mode == SqliteOpenMode.Memory || settings.DataSource is "" or ":memory:")
        {
            return;
        }

        // Its own unpooled connection, which never creates the file: nothing of it stays open between checkpoints, and a
        // file removed meanwhile (a test's) stays removed.
        settings.Pooling = false;
        settings.Mode = SqliteOpenMode.ReadWrite;
        var checkpointer = Files.GetOrAdd(Path.GetFullPath(settings.DataSource), file => new SqliteCheckpointer(settings.ToString(), file));
        raw.sqlite3_commit_hook(handle, static state => ((SqliteCheckpointer)state).Committed(), checkpointer);
    }

    /// <summary>Runs inside SQLite's commit on the committing thread: flags only. Returns 0 (the commit goes on).</summary>
    private int Committed()
    {
        Volatile.Write(ref committed, 1);
        if (Interlocked.CompareExchange(ref running, 1, 0) == 0)
        {
            _ = Task.Run(RunAsync);
        }

        return 0;
    }

    /// <summary>
    /// Copies the whole write-ahead log into the file and cuts the log to nothing, waiting for this process's writers
    /// and for readers on older snapshots: afterwards no earlier version of a page is left in the log (an erasure's
    /// deleted rows, overwritten in the file by secure_delete). Tries a few times while another checkpoint or a reader
    /// keeps the log busy; false when it never got through.
    /// </summary>
    public static async Task<bool> TruncateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var entered = await SqliteWriteGate.EnterAsync(connection, cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0)
                {
                    return true;
                }
            }
            finally
            {
                if (entered)
                {
                    SqliteWriteGate.Exit(connection);
                }
            }

            await Task.Delay(Interval / 10, cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// One passive checkpoint; returns how many frames the log held, how many of them are now in the file, and whether
    /// it was left unfinished: a reader on an older snapshot held frames back, or another checkpoint (a connection's
    /// last close, an erasure's truncation) had the log, which SQLite reports as busy with no frame counts at all.
    /// </summary>
    private static async Task<(long Frames, bool Unfinished)> CheckpointAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return (0, false);
        }

        var (busy, frames, copied) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        return (frames, busy != 0 || copied < frames);
    }

    private async Task RunAsync()
    {
        var unfinished = 0;
        while (true)
        {
            // Waits first: the commit that woke the loop is still going on, and later ones join its checkpoint.
            await Task.Delay(Interval);
            if (Interlocked.Exchange(ref committed, 0) == 0)
            {
                Volatile.Write(ref running, 0);

                // A commit between the two lines found the loop still running: it must not go unnoticed.
                if (Volatile.Read(ref committed) == 0 || Interlocked.CompareExchange(ref running, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                var (frames, left) = await CheckpointAsync(connection);
                if (left && unfinished++ < UnfinishedRetries)
                {
                    // Try again after the next interval rather than only after the next commit, which may never come
                    // (the log's last writes stayed out of the file).
                    Volatile.Write(ref committed, 1);
                }
                else
                {
                    unfinished = 0;
                }

                if (frames >= ResetFrames)
                {
                    // A writer kept adding to the log while it was copied, so the next one found it not wholly copied and
                    // went on at its end instead of restarting it: the log grew with every write (390 MB through a
                    // 1M-event import). The rest is copied with this process's writers held (a few frames, quickly);
                    // the next writer then restarts the log.
                    var entered = await SqliteWriteGate.EnterAsync(connection, CancellationToken.None);
                    try
                    {
                        await CheckpointAsync(connection);
                    }
                    finally
                    {
                        if (entered)
                        {
                            SqliteWriteGate.Exit(connection);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                if (File.Exists(databaseFile) && unfinished++ < UnfinishedRetries)
                {
                    // A lock held past the busy timeout on a loaded machine, say: the commits so far still wait for it.
                    Volatile.Write(ref committed, 1);
                    continue;
                }

                // The file removed under it (a test's): the loop ends, and the next commit starts another.
                Volatile.Write(ref running, 0);
                return;
            }
        }
    }
}
