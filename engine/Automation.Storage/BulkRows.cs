using Automation.Storage.Postgres;
using Automation.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Storage;

/// <summary>
/// Set-based writes of many rows of one entity in the context's current transaction, with no change tracking:
/// INSERT … ON CONFLICT and DELETE … WHERE (key) IN statements built from the EF model, so columns and value
/// conversions never drift from the schema. SQLite runs in-process, so one prepared single-row statement re-bound per
/// row is fastest there — bound by position on the raw handle (<see cref="SqliteDirectRows"/>), since
/// Microsoft.Data.Sqlite looks parameters up by name on every execution; PostgreSQL gets an array per column, unnested
/// into rows by one statement of the same text whatever the row count (<see cref="UnnestRows"/>).
/// </summary>
public static class BulkRows
{
    /// <summary>Inserts the rows, or updates every non-key column of the row with the same key.</summary>
    public static Task UpsertAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => InsertAsync(db, rows, Conflict.Update, cancellationToken);

    /// <summary>Inserts the rows (store-generated keys left to the database); a row whose key exists is left alone.</summary>
    public static Task InsertAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => InsertAsync(db, rows, Conflict.Ignore, cancellationToken);

    /// <summary>Inserts the rows as EF Core would: a row that breaks a unique key fails the statement (and the unit of work).</summary>
    public static Task InsertNewAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => InsertAsync(db, rows, Conflict.Fail, cancellationToken);

    /// <summary>Deletes the rows with these keys.</summary>
    public static Task DeleteAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = EntityOf<T>(db);
        var key = entity.FindPrimaryKey()!.Properties.ToList();
        if (!db.IsPostgres && SqliteDirectRows.Supports(key))
        {
            ArgumentNullException.ThrowIfNull(rows);
            var matches = string.Join(" AND ", key.Select((k, i) => $"{Quote(k.GetColumnName())} = ?{i + 1}"));
            return rows.Count == 0
                ? Task.CompletedTask
                : SqliteDirectRows.RunAsync(db, rows, key, $"DELETE FROM {Quote(entity.GetTableName()!)} WHERE {matches}", cancellationToken);
        }

        var names = string.Join(",", key.Select(k => Quote(k.GetColumnName())));
        if (db.IsPostgres)
        {
            ArgumentNullException.ThrowIfNull(rows);
            return UnnestRows.RunAsync(db, rows, key, $"DELETE FROM {Quote(entity.GetTableName()!)} WHERE ({names}) IN ({UnnestRows.Source(key)})", cancellationToken);
        }

        return RunAsync(db, rows, key, $"DELETE FROM {Quote(entity.GetTableName()!)} WHERE ({names}) IN ({Row(key.Count)})", cancellationToken);
    }

    /// <summary>
    /// SQLite only: writes the tracked rows' changes, each as one UPDATE of every non-key column checked against its
    /// concurrency token's original value (a row changed meanwhile fails the unit of work, as in EF Core), and marks
    /// them unchanged. Through EF Core's update pipeline, the moved instances were most of a busy processor's save of
    /// workflows (11.5 s of a 1M-event HTTP ingest with the shipped workflows; 6.1 s this way). Returns false, writing
    /// nothing, where it does not apply (PostgreSQL, or a column type not bound directly).
    /// </summary>
    public static async Task<bool> TryUpdateTrackedAsync<T>(AutomationDbContext db, IReadOnlyList<EntityEntry<T>> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = EntityOf<T>(db);
        if (db.IsPostgres || !SqliteDirectRows.Supports(entity.GetProperties()))
        {
            return false;
        }

        if (rows.Count > 0)
        {
            var key = entity.FindPrimaryKey()!.Properties.ToList();
            var tokens = entity.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
            var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
            var set = string.Join(",", columns.Select((c, i) => $"{Quote(c.GetColumnName())} = ?{i + 1}"));
            var where = string.Join(" AND ", key.Concat(tokens).Select((k, i) => $"{Quote(k.GetColumnName())} = ?{columns.Count + i + 1}"));
            Func<object, object>[] values =
            [
                .. columns.Select(c => Current(ProviderValue(c))),
                .. key.Select(k => Current(ProviderValue(k))),
                .. tokens.Select(Original),
            ];
            await SqliteDirectRows.RunAsync(db, rows, [.. values.Select(SqliteColumnBinders.Of)], $"UPDATE {Quote(entity.GetTableName()!)} SET {set} WHERE {where}", cancellationToken, oneRowEach: true);
            foreach (var row in rows)
            {
                row.OriginalValues.SetValues(row.CurrentValues);
                row.State = EntityState.Unchanged;
            }
        }

        return true;

        static Func<object, object> Current(Func<object, object> value) => row => value(((EntityEntry<T>)row).Entity);

        static Func<object, object> Original(IProperty token)
        {
            var converter = token.GetTypeMapping().Converter;
            return row => ((EntityEntry<T>)row).OriginalValues[token] is { } value ? (converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value) : DBNull.Value;
        }
    }

    private enum Conflict
    {
        Update,
        Ignore,
        Fail,
    }

    private static Task InsertAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, Conflict onConflict, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = EntityOf<T>(db);
        var key = entity.FindPrimaryKey()!.Properties;
        // Integer keys are the database's to number; a GUID key EF Core generated as the entity was added is the row's own.
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid))).ToList();
        var names = string.Join(",", columns.Select(c => Quote(c.GetColumnName())));
        var conflict = onConflict switch
        {
            Conflict.Update => $"ON CONFLICT ({string.Join(",", key.Select(k => Quote(k.GetColumnName())))}) DO UPDATE SET "
                + string.Join(",", columns.Where(c => !c.IsPrimaryKey()).Select(c => $"{Quote(c.GetColumnName())} = excluded.{Quote(c.GetColumnName())}")),
            Conflict.Ignore => "ON CONFLICT DO NOTHING",
            _ => "",
        };
        if (!db.IsPostgres && SqliteDirectRows.Supports(columns))
        {
            ArgumentNullException.ThrowIfNull(rows);
            var positions = string.Join(",", Enumerable.Range(1, columns.Count).Select(c => $"?{c}"));
            return rows.Count == 0
                ? Task.CompletedTask
                : SqliteDirectRows.RunAsync(db, rows, columns, $"INSERT INTO {Quote(entity.GetTableName()!)} ({names}) VALUES ({positions}) {conflict}", cancellationToken);
        }

        if (db.IsPostgres)
        {
            ArgumentNullException.ThrowIfNull(rows);
            return UnnestRows.RunAsync(db, rows, columns, $"INSERT INTO {Quote(entity.GetTableName()!)} ({names}) {UnnestRows.Source(columns)} {conflict}", cancellationToken);
        }

        return RunAsync(db, rows, columns, $"INSERT INTO {Quote(entity.GetTableName()!)} ({names}) VALUES {Row(columns.Count)} {conflict}", cancellationToken);
    }

    /// <summary>
    /// SQLite, for a column type not bound directly: runs the one-row statement once per row, prepared once and
    /// re-bound, with parameters made as EF Core makes the columns' (text dates, text decimals).
    /// </summary>
    private static async Task RunAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, List<IProperty> columns, string sql, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var values = columns.Select(ProviderValue).ToArray();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        for (var c = 0; c < columns.Count; c++)
        {
            command.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(command, Name(c), null, columns[c].IsNullable));
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters[c].Value = values[c](row);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Reads the column's value from an entity as the provider stores it (EF's value converter applied), boxed.</summary>
    internal static Func<object, object> ProviderValue(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        return converter is null
            ? entity => getter.GetClrValue(entity) ?? DBNull.Value
            : entity => getter.GetClrValue(entity) is { } value ? converter.ConvertToProvider(value) ?? DBNull.Value : DBNull.Value;
    }

    private static string Row(int columns) => "(" + string.Join(",", Enumerable.Range(0, columns).Select(Name)) + ")";

    private static string Name(int column) => $"@p{column}";

    private static IEntityType EntityOf<T>(AutomationDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");

    private static string Quote(string name) => "\"" + name + "\"";
}
