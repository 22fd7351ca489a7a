using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Automation.Storage.Sqlite;

/// <summary>
/// Column binders for <see cref="SqliteDirectRows"/>: each property's value read and bound with its own type, compiled
/// once per property. Read through EF Core's boxing getter, a profile row's thirty values were thirty allocations and
/// type tests before SQLite saw them. Values are bound as the provider binds them (text dates, text decimals, upper-case
/// text GUIDs, 0/1 booleans), so the stored text is the same either way.
/// </summary>
internal static class SqliteColumnBinders
{
    private const string DecimalFormat = "0.0###########################";

    private static readonly HashSet<Type> Bound =
    [
        typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(float), typeof(decimal), typeof(DateTime), typeof(Guid),
    ];

    private static readonly ConcurrentDictionary<IProperty, SqliteColumnBinder> Compiled = new();

    private static readonly MethodInfo BindValueMethod = typeof(SqliteColumnBinders).GetMethod(nameof(BindValue), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo BindNullableMethod = typeof(SqliteColumnBinders).GetMethod(nameof(BindNullable), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>True when every column's stored type is one bound here exactly as the provider binds it.</summary>
    public static bool Supports(IEnumerable<IProperty> columns) => columns.All(c =>
    {
        var type = c.GetTypeMapping().Converter?.ProviderClrType ?? c.ClrType;
        return Bound.Contains(Nullable.GetUnderlyingType(type) ?? type);
    });

    /// <summary>The property's binder for rows of its entity type (compiled on first use).</summary>
    public static SqliteColumnBinder For(IProperty property) => Compiled.GetOrAdd(property, Compile);

    /// <summary>A binder of the value <paramref name="value"/> reads from the row, as the provider stores it (boxed, or DBNull).</summary>
    public static SqliteColumnBinder Of(Func<object, object> value) => (statement, index, row, scratch) => BindBoxed(statement, index, value(row), scratch);

    private static SqliteColumnBinder Compile(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;

        // Shadow properties, and converted nullable ones (EF converts only non-null values), keep the boxing getter.
        if (property.IsShadowProperty() || (converter is not null && Nullable.GetUnderlyingType(property.ClrType) is not null))
        {
            return Of(BulkRows.ProviderValue(property));
        }

        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var index = Expression.Parameter(typeof(int), "index");
        var row = Expression.Parameter(typeof(object), "row");
        var scratch = Expression.Parameter(typeof(Utf8Scratch), "scratch");
        var member = property.GetMemberInfo(forMaterialization: false, forSet: false);
        Expression value = Expression.MakeMemberAccess(Expression.Convert(row, member.DeclaringType!), member);
        if (value.Type != property.ClrType)
        {
            value = Expression.Convert(value, property.ClrType);
        }

        if (converter is not null)
        {
            value = Expression.Invoke(converter.ConvertToProviderExpression, value);
        }

        var underlying = Nullable.GetUnderlyingType(stored);
        var bind = underlying is null ? BindValueMethod.MakeGenericMethod(stored) : BindNullableMethod.MakeGenericMethod(underlying);
        return Expression.Lambda<SqliteColumnBinder>(Expression.Call(bind, statement, index, value, scratch), statement, index, row, scratch).Compile();
    }

    private static int BindNullable<T>(sqlite3_stmt statement, int index, T? value, Utf8Scratch scratch)
        where T : struct => value is { } present ? BindValue(statement, index, present, scratch) : SqliteNative.BindNull(statement, index);

    // Each test on typeof(T) is decided when the method is compiled for a value type: no boxing, no branch left.
    private static int BindValue<T>(sqlite3_stmt statement, int index, T value, Utf8Scratch scratch)
    {
        if (value is null)
        {
            return SqliteNative.BindNull(statement, index);
        }

        if (typeof(T) == typeof(long))
        {
            return SqliteNative.BindInt64(statement, index, (long)(object)value);
        }

        if (typeof(T) == typeof(int))
        {
            return SqliteNative.BindInt64(statement, index, (int)(object)value);
        }

        if (typeof(T) == typeof(short))
        {
            return SqliteNative.BindInt64(statement, index, (short)(object)value);
        }

        if (typeof(T) == typeof(byte))
        {
            return SqliteNative.BindInt64(statement, index, (byte)(object)value);
        }

        if (typeof(T) == typeof(bool))
        {
            return SqliteNative.BindInt64(statement, index, (bool)(object)value ? 1 : 0);
        }

        if (typeof(T) == typeof(double))
        {
            return SqliteNative.BindDouble(statement, index, (double)(object)value);
        }

        if (typeof(T) == typeof(float))
        {
            return SqliteNative.BindDouble(statement, index, (float)(object)value);
        }

        if (typeof(T) == typeof(decimal))
        {
            return SqliteNative.BindText(statement, index, scratch.Decimal((decimal)(object)value, DecimalFormat));
        }

        if (typeof(T) == typeof(DateTime))
        {
            return SqliteNative.BindText(statement, index, scratch.Date((DateTime)(object)value));
        }

        if (typeof(T) == typeof(Guid))
        {
            return SqliteNative.BindText(statement, index, scratch.Text(((Guid)(object)value).ToString().ToUpperInvariant()));
        }

        return BindBoxed(statement, index, value, scratch);
    }

    /// <summary>True when <see cref="BindBoxed"/> binds the value (a query parameter's) as the provider does.</summary>
    public static bool BindsDirectly(object? value) => value is null or DBNull or string or long or int or short or byte or bool or double or float or decimal or DateTime or Guid;

    /// <summary>Binds a value as the provider stores it (DBNull: NULL).</summary>
    public static int BindBoxed(sqlite3_stmt statement, int index, object value, Utf8Scratch scratch) => value switch
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
        Guid g => SqliteNative.BindText(statement, index, scratch.Text(g.ToString().ToUpperInvariant())),
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{value.GetType().Name} values are not bound directly")),
    };
}
