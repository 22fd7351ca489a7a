namespace Automation.Storage.Sqlite;

public sealed class SqliteSqlDialect : SqlDialect
{
    public static readonly SqliteSqlDialect Instance = new();

    public override string AsDouble(string expression) => $"CAST({expression} AS REAL)";

    public override string DaysBetween(string later, string earlier) => $"julianday({later}) - julianday({earlier})";

    public override object Date(DateTime utc) => SqliteDates.Text(utc);
}
