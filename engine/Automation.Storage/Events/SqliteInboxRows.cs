using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Automation.Storage.Events;

/// <summary>
/// The embedded default's event inbox: a small SQLite file of its own beside the engine's file, where a batch that
/// arrives while the engine's one writer is busy is made durable without waiting for it. Rows keep the event log's
/// columns and text forms, in arrival order (<c>N</c>), until they are moved into the log.
/// </summary>
public static class SqliteInboxRows
{
    /// <summary>The inbox file beside an engine file (SQLite's own siblings are named the same way: -wal, -shm).</summary>
    public static string PathFor(string engineFile) => engineFile + "-inbox";

    public const string Schema = """
        PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;
        CREATE TABLE IF NOT EXISTS staged (
            "N" INTEGER PRIMARY KEY,
            "EventId" TEXT NOT NULL UNIQUE,
            "CustomerId" TEXT NOT NULL,
            "Type" TEXT NOT NULL,
            "Timestamp" TEXT NOT NULL,
            "Value" TEXT NULL,
            "PropertiesJson" TEXT NULL,
            "ReceivedAt" TEXT NOT NULL);
        """;

    private const string Insert = """
        INSERT INTO staged ("EventId","CustomerId","Type","Timestamp","Value","PropertiesJson","ReceivedAt")
        VALUES (?1,?2,?3,?4,?5,?6,?7)
        ON CONFLICT("EventId") DO NOTHING
        """;

    private const string InLog = """SELECT 1 FROM events WHERE "EventId" = ?1""";

    private const string All = """SELECT "N","EventId","CustomerId","Type","Timestamp","Value","PropertiesJson","ReceivedAt" FROM staged ORDER BY "N" """;

    /// <summary>
    /// Stages the events in the inbox connection's open transaction, leaving out those already in the engine's log
    /// (looked up on <paramref name="log"/>, a connection to the engine file) or already staged. Returns the staged
    /// events with the inbox's arrival number of the last one.
    /// </summary>
    public static (List<StoredEvent> Staged, long Last) Stage(SqliteConnection inbox, SqliteConnection log, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(events);
        var (handle, logHandle) = (inbox.Handle!, log.Handle!);
        var staged = new List<StoredEvent>(events.Count);
        var last = 0L;
        SqliteDirectRows.Check(raw.sqlite3_prepare_v2(handle, Insert, out var insert), handle);
        SqliteDirectRows.Check(raw.sqlite3_prepare_v2(logHandle, InLog, out var known), logHandle);
        using (insert)
        using (known)
        {
            DateTime? received = null;
            var scratch = new Utf8Scratch();
            foreach (var e in events)
            {
                SqliteDirectRows.Check(raw.sqlite3_bind_text(known, 1, scratch.Text(e.EventId)), logHandle);
                var inLog = raw.sqlite3_step(known) == raw.SQLITE_ROW;
                raw.sqlite3_reset(known);
                if (inLog)
                {
                    continue;
                }

                if (received != e.ReceivedAt)
                {
                    received = e.ReceivedAt;
                    SqliteDirectRows.Check(raw.sqlite3_bind_text(insert, 7, SqliteDates.Text(e.ReceivedAt)), handle);
                }

                SqliteEventRows.Bind(insert, handle, e, scratch);
                SqliteDirectRows.Check(raw.sqlite3_step(insert), handle);
                if (raw.sqlite3_changes(handle) == 1)
                {
                    last = raw.sqlite3_last_insert_rowid(handle);
                    staged.Add(e);
                }

                raw.sqlite3_reset(insert);
            }
        }

        return (staged, last);
    }

    /// <summary>Everything staged, oldest first, with the arrival number of the last row (after a restart).</summary>
    public static (List<StoredEvent> Staged, long Last) ReadAll(SqliteConnection inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        using var command = inbox.CreateCommand();
        command.CommandText = All;
        using var reader = command.ExecuteReader();
        var staged = new List<StoredEvent>();
        var last = 0L;
        while (reader.Read())
        {
            last = reader.GetInt64(0);
            staged.Add(SqliteEventRows.Read(reader));
        }

        return (staged, last);
    }

    /// <summary>Drops the rows up to this arrival number: they are in the log now.</summary>
    public static void DeleteThrough(SqliteConnection inbox, long last)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        using var command = inbox.CreateCommand();
        command.CommandText = """DELETE FROM staged WHERE "N" <= $last""";
        command.Parameters.AddWithValue("$last", last);
        command.ExecuteNonQuery();
    }

    /// <summary>How many rows the inbox file at this path holds; 0 when there is no such file.</summary>
    public static long Count(string inboxFile)
    {
        if (!File.Exists(inboxFile))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = inboxFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'staged'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT count(*) FROM staged";
        return (long)command.ExecuteScalar()!;
    }
}
