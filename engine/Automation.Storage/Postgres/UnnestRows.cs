using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Automation.Storage.Postgres;

/// <summary>
/// PostgreSQL's set-based writes for <see cref="BulkRows"/>: one array parameter per column, spread into rows by
/// <c>unnest</c>. The statement's text is the same for any number of rows, so the server parses and plans it once per
/// connection; a VALUES list of hundreds of rows times every column was a new statement of thousands of parameters
/// whenever a batch's row count changed, prepared again each time.
/// </summary>
internal static class UnnestRows
{
    private const int RowsPerStatement = 10_000;

    /// <summary>Rows of the columns as a relation: <c>SELECT * FROM unnest(@c0::type[], …)</c>.</summary>
    public static string Source(IReadOnlyList<IProperty> columns) =>
        "SELECT * FROM unnest(" + string.Join(",", columns.Select((c, i) => $"CAST(@c{i} AS {c.GetColumnType()}[])")) + ")";

    /// <summary>Runs the statement (its rows given by <see cref="Source"/>) over the rows, ten thousand at a time.</summary>
    public static async Task RunAsync<T>(AutomationDbContext db, IReadOnlyCollection<T> rows, IReadOnlyList<IProperty> columns, string sql, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var values = columns.Select(BulkRows.ProviderValue).ToArray();
        var types = columns.Select(ElementType).ToArray();
        await using var command = new NpgsqlCommand(sql, connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
        for (var c = 0; c < columns.Count; c++)
        {
            command.Parameters.Add(ArrayParameter(command, columns[c], c));
        }

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var array = Array.CreateInstance(types[c], chunk.Length);
                for (var r = 0; r < chunk.Length; r++)
                {
                    var value = values[c](chunk[r]);
                    array.SetValue(value is DBNull ? null : value, r);
                }

                command.Parameters[c].Value = array;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>An array of the column's provider type, as EF Core would bind one value of it (the same NpgsqlDbType).</summary>
    private static NpgsqlParameter ArrayParameter(NpgsqlCommand command, IProperty column, int index)
    {
        var scalar = (NpgsqlParameter)column.GetRelationalTypeMapping().CreateParameter(command, $"c{index}", null, column.IsNullable);
        var parameter = new NpgsqlParameter { ParameterName = $"c{index}" };
        if (scalar.NpgsqlDbType != NpgsqlDbType.Unknown)
        {
            parameter.NpgsqlDbType = NpgsqlDbType.Array | scalar.NpgsqlDbType;
        }

        return parameter;
    }

    /// <summary>The array's element type: the provider's CLR type, nullable where a value type.</summary>
    private static Type ElementType(IProperty column)
    {
        var type = column.GetTypeMapping().Converter?.ProviderClrType ?? column.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type;
    }
}
