using Automation.Engine.Cluster;
using System.CommandLine;
using Automation.Engine.Events;
using Automation.Engine.Processing.Embedded;
using Automation.Engine.Processing.Shared;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Cli.Storage;

/// <summary>--sqlite / --postgres: the engine's database, opened (and migrated) the way the host opens it.</summary>
public static class DatabaseOptions
{
    public static Option<string> Sqlite { get; } = new("--sqlite") { Description = "the engine's SQLite file", DefaultValueFactory = _ => "data/automation.db" };

    public static Option<string?> Postgres { get; } = new("--postgres") { Description = "a PostgreSQL connection string instead of SQLite" };

    public static async Task<IDbContextFactory<AutomationDbContext>> OpenAsync(string sqlite, string? postgres, CancellationToken cancellationToken)
    {
        IDbContextFactory<AutomationDbContext> factory = postgres is { Length: > 0 }
            ? new Factory<PostgresAutomationDbContext>(new DbContextOptionsBuilder<PostgresAutomationDbContext>().UseNpgsql(postgres).Options, o => new PostgresAutomationDbContext(o))
            : new Factory<SqliteAutomationDbContext>(new DbContextOptionsBuilder<SqliteAutomationDbContext>().UseSqlite($"Data Source={Path.GetFullPath(sqlite)};Default Timeout=30;Pooling=True").Options, o => new SqliteAutomationDbContext(o));
        if (postgres is not { Length: > 0 })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sqlite))!);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return factory;
    }

    /// <summary>The engine's one ingestion path over the opened database, appending straight into its log.</summary>
    public static EventIngestion Ingestion(IDbContextFactory<AutomationDbContext> databases, string? postgres) =>
        new(
            postgres is { Length: > 0 } ? new SharedEventLog(databases, new CustomerPartitions(Microsoft.Extensions.Options.Options.Create(new Automation.Engine.Configuration.AutomationOptions()))) : new EmbeddedEventLog(databases),
            new IncomingEventValidator(TimeProvider.System),
            new EventProcessingSignal(),
            TimeProvider.System);

    private sealed class Factory<T>(DbContextOptions<T> options, Func<DbContextOptions<T>, T> create) : IDbContextFactory<AutomationDbContext>
        where T : AutomationDbContext
    {
        public AutomationDbContext CreateDbContext() => create(options);
    }
}
