using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>Binds one column's value of <paramref name="row"/> to parameter <paramref name="index"/>; returns SQLite's result code.</summary>
internal delegate int SqliteColumnBinder(sqlite3_stmt statement, int index, object row, Utf8Scratch scratch);
