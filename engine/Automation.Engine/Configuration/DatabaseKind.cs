namespace Automation.Engine.Configuration;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
