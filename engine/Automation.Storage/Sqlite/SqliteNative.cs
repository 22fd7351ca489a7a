using System.Runtime.InteropServices;
using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>
/// The calls the bulk writers and direct readers make once per value or row, straight into the e_sqlite3 library that SQLitePCLRaw itself
/// binds to (the same handles, the same library). SQLitePCLRaw's raw API dispatches each call through its provider
/// interface and counts a SafeHandle reference around it: at a few million bound values per million events, that was
/// about half of the binding's time. Everything else (prepare, errors, transactions) stays on SQLitePCLRaw, and so do
/// these calls when SQLitePCLRaw was given another native library (a handle belongs to the library that opened it).
/// </summary>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    // SQLITE_TRANSIENT: SQLite copies the value as it is bound, so the caller's buffer may be reused at once.
    private static readonly IntPtr Transient = new(-1);

    // A valid pointer for empty text: a null one would bind NULL instead of ''.
    private static readonly byte[] Empty = [0];

    private static readonly bool Direct = raw.GetNativeLibraryName() == Library;

    /// <summary>Binds UTF-8 text (copied by SQLite).</summary>
    public static int BindText(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) => Direct
        ? BindText(statement.DangerousGetHandle(), index, ref utf8.IsEmpty ? ref Empty[0] : ref MemoryMarshal.GetReference(utf8), utf8.Length, Transient)
        : raw.sqlite3_bind_text(statement, index, utf8);

    public static int BindInt64(sqlite3_stmt statement, int index, long value) =>
        Direct ? BindInt64(statement.DangerousGetHandle(), index, value) : raw.sqlite3_bind_int64(statement, index, value);

    public static int BindDouble(sqlite3_stmt statement, int index, double value) =>
        Direct ? BindDouble(statement.DangerousGetHandle(), index, value) : raw.sqlite3_bind_double(statement, index, value);

    public static int BindNull(sqlite3_stmt statement, int index) =>
        Direct ? BindNull(statement.DangerousGetHandle(), index) : raw.sqlite3_bind_null(statement, index);

    public static int Step(sqlite3_stmt statement) => Direct ? Step(statement.DangerousGetHandle()) : raw.sqlite3_step(statement);

    public static int Reset(sqlite3_stmt statement) => Direct ? Reset(statement.DangerousGetHandle()) : raw.sqlite3_reset(statement);

    public static int Changes(sqlite3 connection) => Direct ? Changes(connection.DangerousGetHandle()) : raw.sqlite3_changes(connection);

    public static long LastInsertRowId(sqlite3 connection) =>
        Direct ? LastInsertRowId(connection.DangerousGetHandle()) : raw.sqlite3_last_insert_rowid(connection);

    /// <summary>The column's storage class in the current row (SQLITE_NULL, SQLITE_INTEGER, …).</summary>
    public static int ColumnType(sqlite3_stmt statement, int column) =>
        Direct ? ColumnType(statement.DangerousGetHandle(), column) : raw.sqlite3_column_type(statement, column);

    public static long ColumnInt64(sqlite3_stmt statement, int column) =>
        Direct ? ColumnInt64(statement.DangerousGetHandle(), column) : raw.sqlite3_column_int64(statement, column);

    public static double ColumnDouble(sqlite3_stmt statement, int column) =>
        Direct ? ColumnDouble(statement.DangerousGetHandle(), column) : raw.sqlite3_column_double(statement, column);

    /// <summary>The column as UTF-8 text, valid until the next step or column call on the statement.</summary>
    public static unsafe ReadOnlySpan<byte> ColumnText(sqlite3_stmt statement, int column)
    {
        if (!Direct)
        {
            return raw.sqlite3_column_blob(statement, column); // text bytes, as SQLite converts any value to a blob
        }

        var handle = statement.DangerousGetHandle();
        var text = ColumnText(handle, column); // first, as SQLite documents: the byte count is of the converted text
        return text == IntPtr.Zero ? [] : new ReadOnlySpan<byte>((void*)text, ColumnBytes(handle, column));
    }

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    private static partial int ColumnType(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    private static partial long ColumnInt64(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    private static partial double ColumnDouble(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_text")]
    private static partial IntPtr ColumnText(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    private static partial int ColumnBytes(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    private static partial int BindText(IntPtr statement, int index, ref byte text, int bytes, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    private static partial int BindInt64(IntPtr statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double")]
    private static partial int BindDouble(IntPtr statement, int index, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    private static partial int BindNull(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    private static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    private static partial int Reset(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_changes")]
    private static partial int Changes(IntPtr connection);

    [LibraryImport(Library, EntryPoint = "sqlite3_last_insert_rowid")]
    private static partial long LastInsertRowId(IntPtr connection);
}
