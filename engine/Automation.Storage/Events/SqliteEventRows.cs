using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Automation.Storage.Events;

/// <summary>
/// The embedded append's insert: one statement prepared on the connection's own handle and bound by position, as
/// <see cref="SqliteDirectRows"/> does for profiles (Microsoft.Data.Sqlite's lookup of each parameter by name cost
/// about as much as SQLite's insert). Each stored row's sequence is read back, so the events can go on to the
/// processor without being read again.
/// </summary>
public static class SqliteEventRows
{
    /// <summary>The log's highest sequence (0 when empty), as one column named Value.</summary>
    public const string LastSequence = """SELECT coalesce(max("Sequence"), 0) AS "Value" FROM events""";

    private const string Insert = """
        INSERT INTO events ("EventId","CustomerId","Type","Timestamp","Value","PropertiesJson","ReceivedAt","Processed")
        VALUES (?1,?2,?3,?4,?5,?6,?7,0)
        ON CONFLICT("EventId") DO NOTHING
        """;

    /// <summary>
    /// Inserts the events in the connection's open transaction; an event whose id is already stored is left out.
    /// Returns the events stored, each with its <see cref="StoredEvent.Sequence"/> set, in log order.
    /// </summary>
    public static List<StoredEvent> Append(SqliteConnection connection, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(events);
        var handle = connection.Handle!;
        var stored = new List<StoredEvent>(events.Count);
        SqliteDirectRows.Check(raw.sqlite3_prepare_v2(handle, Insert, out var statement), handle);
        using (statement)
        {
            // A batch is received at one moment: its text is bound once (a binding outlives sqlite3_reset), not per event.
            DateTime? received = null;
            var scratch = new Utf8Scratch();
            foreach (var e in events)
            {
                if (received != e.ReceivedAt)
                {
                    received = e.ReceivedAt;
                    SqliteDirectRows.Check(raw.sqlite3_bind_text(statement, 7, SqliteDates.Text(e.ReceivedAt)), handle);
                }

                Bind(statement, handle, e, scratch);
                SqliteDirectRows.Check(SqliteNative.Step(statement), handle);
                if (SqliteNative.Changes(handle) == 1)
                {
                    e.Sequence = SqliteNative.LastInsertRowId(handle);
                    stored.Add(e);
                }

                SqliteNative.Reset(statement);
            }
        }

        return stored;
    }

    /// <summary>
    /// An event from a reader whose columns 1–7 are "EventId" … "ReceivedAt" as stored (column 0 is the caller's: the
    /// log's sequence, or the inbox's arrival number), with exact date parsing.
    /// </summary>
    public static StoredEvent Read(SqliteDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new StoredEvent
        {
            EventId = reader.GetString(1),
            CustomerId = reader.GetString(2),
            Type = reader.GetString(3),
            Timestamp = SqliteDates.Parse(reader.GetString(4)),
            Value = reader.IsDBNull(5) ? null : reader.GetDecimal(5),
            PropertiesJson = reader.IsDBNull(6) ? null : reader.GetString(6),
            ReceivedAt = SqliteDates.Parse(reader.GetString(7)),
        };
    }

    /// <summary>
    /// Binds an event's columns ?1 id … ?6 properties as the log stores them (the inbox keeps the same text; ?7, the
    /// batch's received time, is the caller's), from UTF-8 written into <paramref name="scratch"/>: SQLite copies each
    /// value as it is bound, and the string overloads allocated an encoded copy and a formatted date per column.
    /// </summary>
    internal static void Bind(sqlite3_stmt statement, sqlite3 handle, StoredEvent e, Utf8Scratch scratch)
    {
        SqliteDirectRows.Check(SqliteNative.BindText(statement, 1, scratch.Text(e.EventId)), handle);
        SqliteDirectRows.Check(SqliteNative.BindText(statement, 2, scratch.Text(e.CustomerId)), handle);
        SqliteDirectRows.Check(SqliteNative.BindText(statement, 3, scratch.Text(e.Type)), handle);
        SqliteDirectRows.Check(SqliteNative.BindText(statement, 4, scratch.Date(e.Timestamp)), handle);
        SqliteDirectRows.Check(e.Value is { } value ? SqliteNative.BindText(statement, 5, scratch.Decimal(value)) : SqliteNative.BindNull(statement, 5), handle);
        SqliteDirectRows.Check(e.PropertiesJson is { } properties ? SqliteNative.BindText(statement, 6, scratch.Text(properties)) : SqliteNative.BindNull(statement, 6), handle);
    }
}
