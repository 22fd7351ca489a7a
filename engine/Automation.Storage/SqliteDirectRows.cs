using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Automation.Storage;

/// <summary>
/// SQLite's single-row insert statement run once per row with its values bound by position on the connection's own
/// handle. Microsoft.Data.Sqlite looks every parameter up by name on every execution, which on a wide row such as a
/// profile cost as much as SQLite's own work. Values are bound as the provider binds them (text dates, text decimals,
/// upper-case text GUIDs, 0/1 booleans), so the stored text is the same either way.
/// </summary>
internal static class SqliteDirectRows
{
    private const string DecimalFormat = "0.0###########################";

    private static readonly HashSet<Type> Bound =
    [
        typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(float), typeof(decimal), typeof(DateTime), typeof(Guid),
    ];

    /// <summary>True when every column's stored type is one bound here exactly as the provider binds it.</summary>
    public static bool Supports(IEnumerable<IProperty> columns) => columns.All(c =>
    {
        var type = c.GetTypeMapping().Converter?.ProviderClrType ?? c.ClrType;
        return Bound.Contains(Nullable.GetUnderlyingType(type) ?? type);
    });

    /// <summary>
    /// Runs the one-row statement (parameters ?1…?n in column order) for each row. With <paramref name="oneRowEach"/>
    /// a statement that changed no row (an UPDATE whose concurrency token no longer matches) fails as EF Core's would.
    /// </summary>
    public static async Task RunAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, Func<object, object>[] values, string sql, CancellationToken cancellationToken, bool oneRowEach = false)
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
                for (var c = 0; c < values.Length; c++)
                {
                    Check(Bind(statement, c + 1, values[c](row), ref scratch), handle);
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

    // Text goes through the scratch buffer as UTF-8: the string overloads allocated an encoded copy per value.
    private static int Bind(sqlite3_stmt statement, int index, object value, ref Utf8Scratch scratch) => value switch
    {
        DBNull => SqliteNative.BindNull(statement, index),
        string s => SqliteNative.BindText(statement, index, scratch.Text(s)),
        long l => SqliteNative.BindInt64(statement, index, l),
        int i => SqliteNative.BindInt64(statement, index, i),
        short s => SqliteNative.BindInt64(statement, index, s),
        byte b => SqliteNative.BindInt64(statement, index, b),
        bool b => SqliteNative.BindInt64(statement, index, b ? 1 : 0),
        double d => SqliteNative.BindDouble(statement, index, d),
        float f => SqliteNative.BindDouble(statement, index, f),
        decimal m => SqliteNative.BindText(statement, index, scratch.Decimal(m, DecimalFormat)),
        DateTime t => SqliteNative.BindText(statement, index, scratch.Date(t)),
        Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
        _ => throw new InvalidOperationException($"{value.GetType().Name} values are not bound directly"),
    };

    /// <summary>Throws SQLite's error for a failed call on the handle.</summary>
    internal static void Check(int result, sqlite3 handle)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }
}
