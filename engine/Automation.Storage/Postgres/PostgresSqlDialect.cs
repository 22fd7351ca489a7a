namespace Automation.Storage.Postgres;

public sealed class PostgresSqlDialect : SqlDialect
{
    public static readonly PostgresSqlDialect Instance = new();

    public override string AsDouble(string expression) => $"CAST({expression} AS double precision)";

    public override string DaysBetween(string later, string earlier) => $"EXTRACT(EPOCH FROM ({later} - {earlier})) / 86400.0";

    public override object Date(DateTime utc) => utc;
}
