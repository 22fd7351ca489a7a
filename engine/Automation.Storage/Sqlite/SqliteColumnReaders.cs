using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Column readers for <see cref="SqliteDirectReads"/>: each property's stored value read with its own type and set on
/// the entity, compiled once per property. Values are read back as the provider reads them (text dates and decimals
/// parsed in the invariant culture, 0/1 booleans, text GUIDs), then through the property's value converter, so an
/// entity read either way is the same.
/// </summary>
internal static class SqliteColumnReaders
{
    private static readonly HashSet<Type> Read =
    [
        typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(float), typeof(decimal), typeof(DateTime), typeof(Guid),
    ];

    private static readonly ConcurrentDictionary<IProperty, SqliteColumnReader> Compiled = new();

    private static readonly MethodInfo ReadValueMethod = typeof(SqliteColumnReaders).GetMethod(nameof(ReadValue), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo IsNullMethod = typeof(SqliteColumnReaders).GetMethod(nameof(IsNull), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>True when every property of the entity type is a plain column read here exactly as the provider reads it.</summary>
    public static bool Supports(IEntityType entity) =>
        !entity.ClrType.IsAbstract
        && entity.ClrType.GetConstructor(Type.EmptyTypes) is not null
        && entity.BaseType is null
        && !entity.GetDirectlyDerivedTypes().Any()
        && !entity.GetComplexProperties().Any()
        && !entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
        && entity.GetProperties().All(p =>
        {
            var stored = p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType;
            return !p.IsShadowProperty() && Read.Contains(Nullable.GetUnderlyingType(stored) ?? stored);
        });

    /// <summary>The property's reader (compiled on first use).</summary>
    public static SqliteColumnReader For(IProperty property) => Compiled.GetOrAdd(property, Compile);

    private static SqliteColumnReader Compile(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        var storedValue = Nullable.GetUnderlyingType(stored) ?? stored;
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var column = Expression.Parameter(typeof(int), "column");
        var row = Expression.Parameter(typeof(object), "row");
        var member = property.GetMemberInfo(forMaterialization: true, forSet: true);
        var target = Expression.MakeMemberAccess(Expression.Convert(row, property.DeclaringType.ClrType), member);
        var memberType = target.Type;

        Expression value = Expression.Call(ReadValueMethod.MakeGenericMethod(storedValue), statement, column);
        if (converter is not null)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            var input = fromProvider.Parameters[0].Type;
            value = Expression.Invoke(fromProvider, value.Type == input ? value : Expression.Convert(value, input));
        }

        if (value.Type != memberType)
        {
            value = Expression.Convert(value, memberType);
        }

        // NULL leaves the type's default, as EF Core sets it (a converter sees only non-null values).
        var read = Expression.Condition(Expression.Call(IsNullMethod, statement, column), Expression.Default(memberType), value);
        return Expression.Lambda<SqliteColumnReader>(Expression.Assign(target, read), statement, column, row).Compile();
    }

    private static bool IsNull(sqlite3_stmt statement, int column) => SqliteNative.ColumnType(statement, column) == raw.SQLITE_NULL;

    // Each test on typeof(T) is decided when the method is compiled for a value type: no boxing, no branch left.
    private static T ReadValue<T>(sqlite3_stmt statement, int column)
    {
        if (typeof(T) == typeof(string))
        {
            return (T)(object)Encoding.UTF8.GetString(SqliteNative.ColumnText(statement, column));
        }

        if (typeof(T) == typeof(long))
        {
            return (T)(object)SqliteNative.ColumnInt64(statement, column);
        }

        if (typeof(T) == typeof(int))
        {
            return (T)(object)checked((int)SqliteNative.ColumnInt64(statement, column));
        }

        if (typeof(T) == typeof(short))
        {
            return (T)(object)checked((short)SqliteNative.ColumnInt64(statement, column));
        }

        if (typeof(T) == typeof(byte))
        {
            return (T)(object)checked((byte)SqliteNative.ColumnInt64(statement, column));
        }

        if (typeof(T) == typeof(bool))
        {
            return (T)(object)(SqliteNative.ColumnInt64(statement, column) != 0);
        }

        if (typeof(T) == typeof(double))
        {
            return (T)(object)SqliteNative.ColumnDouble(statement, column);
        }

        if (typeof(T) == typeof(float))
        {
            return (T)(object)(float)SqliteNative.ColumnDouble(statement, column);
        }

        if (typeof(T) == typeof(decimal))
        {
            return (T)(object)decimal.Parse(SqliteNative.ColumnText(statement, column), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }

        if (typeof(T) == typeof(DateTime))
        {
            return (T)(object)ReadDate(statement, column);
        }

        if (typeof(T) == typeof(Guid))
        {
            return (T)(object)Guid.Parse(Encoding.UTF8.GetString(SqliteNative.ColumnText(statement, column)), CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"{typeof(T).Name} columns are not read directly");
    }

    /// <summary>A date as Microsoft.Data.Sqlite reads it: text parsed (the stored layout without the general parser), or a Julian day number.</summary>
    private static DateTime ReadDate(sqlite3_stmt statement, int column)
    {
        var type = SqliteNative.ColumnType(statement, column);
        if (type is raw.SQLITE_INTEGER or raw.SQLITE_FLOAT)
        {
            return DateTime.FromOADate(SqliteNative.ColumnDouble(statement, column) - 2415018.5);
        }

        var text = SqliteNative.ColumnText(statement, column);
        return SqliteDates.TryParseStored(text, out var at) ? at : DateTime.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture);
    }
}
