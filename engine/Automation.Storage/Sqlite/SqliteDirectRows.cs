using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>
/// SQLite's single-row insert statement run once per row with its values bound by position on the connection's own
/// handle. Microsoft.Data.Sqlite looks every parameter up by name on every execution, which on a wide row such as a
/// profile cost as much as SQLite's own work. Values are bound by <see cref="SqliteColumnBinders"/>, as the provider
/// binds them, so the stored text is the same either way.
/// </summary>
internal static class SqliteDirectRows
{
    /// <summary>True when every column's stored type is one bound here exactly as the provider binds it.</summary>
    public static bool Supports(IEnumerable<IProperty> columns) => SqliteColumnBinders.Supports(columns);

    /// <summary>Runs the one-row statement (parameters ?1…?n in column order) for each entity, binding its columns' values.</summary>
    public static Task RunAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, IEnumerable<IProperty> columns, string sql, CancellationToken cancellationToken)
        where T : class => RunAsync(db, rows, [.. columns.Select(SqliteColumnBinders.For)], sql, cancellationToken);

    /// <summary>
    /// Runs the one-row statement (parameters ?1…?n in column order) for each row. With <paramref name="oneRowEach"/>
    /// a statement that changed no row (an UPDATE whose concurrency token no longer matches) fails as EF Core's would.
    /// </summary>
    public static async Task RunAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, SqliteColumnBinder[] binders, string sql, CancellationToken cancellationToken, bool oneRowEach = false)
        where T : class
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            var scratch = new Utf8Scratch();
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var c = 0; c < binders.Length; c++)
                {
                    Check(binders[c](statement, c + 1, row, scratch), handle);
                }

                var done = SqliteNative.Step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(done, handle);
                }

                SqliteNative.Reset(statement);
                if (oneRowEach && raw.sqlite3_changes(handle) != 1)
                {
                    throw new DbUpdateConcurrencyException($"the row was changed or removed since it was read ({sql})");
                }
            }
        }
    }

    /// <summary>Throws SQLite's error for a failed call on the handle.</summary>
    internal static void Check(int result, sqlite3 handle)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }
}
