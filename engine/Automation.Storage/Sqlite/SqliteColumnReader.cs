using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>Reads column <paramref name="column"/> of the statement's current row into its property of <paramref name="row"/>.</summary>
internal delegate void SqliteColumnReader(sqlite3_stmt statement, int column, object row);
