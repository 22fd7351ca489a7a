using Automation.Engine.Configuration;
using Automation.Engine.Discovery;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Automation.Cli.Storage;

/// <summary>
/// The engine services a command needs, on the engine's database: the same settings as the host
/// (Automation__Database, Automation__SqlitePath, Automation__PostgresConnectionString), or a SQLite file given with --sqlite.
/// </summary>
public static class CliServices
{
    public static async Task<ServiceProvider> CreateAsync(string? sqlitePath, CancellationToken cancellationToken, string? postgres = null)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new AutomationOptions();
        configuration.GetSection(AutomationOptions.Section).Bind(options);
        if (postgres is { Length: > 0 })
        {
            options.Database = DatabaseKind.Postgres;
            options.PostgresConnectionString = postgres;
        }
        else if (sqlitePath is not null)
        {
            options.Database = DatabaseKind.Sqlite;
            options.SqlitePath = sqlitePath;
        }

        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        if (options.Database == DatabaseKind.Postgres)
        {
            services.AddDbContextFactory<PostgresAutomationDbContext>(o => o.UseNpgsql(options.PostgresConnectionString ?? ""));
            services.AddSingleton<IDbContextFactory<AutomationDbContext>>(sp => new Narrowed<PostgresAutomationDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresAutomationDbContext>>()));
        }
        else
        {
            var path = Path.GetFullPath(options.SqlitePath);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"no engine database at {path}; give it with --sqlite or Automation__SqlitePath", path);
            }

            services.AddDbContextFactory<SqliteAutomationDbContext>(o => o.UseSqlite($"Data Source={path};Default Timeout=30"));
            services.AddSingleton<IDbContextFactory<AutomationDbContext>>(sp => new Narrowed<SqliteAutomationDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteAutomationDbContext>>()));
        }

        services.AddSingleton<ProfileUpdater>();
        services.AddSingleton<FeatureCalculator>();
        services.AddSingleton<TrainingSetBuilder>();
        services.AddSingleton<ScoreModelStore>();
        services.AddSingleton<ActiveScoreModels>();
        services.AddSingleton<ModelTraining>();
        services.AddSingleton<Automation.Engine.Workflows.Runtime.DefinitionCache>();
        services.AddSingleton<ProfileScoring>();
        services.AddSingleton<ProfileRescoring>();
        services.AddSingleton<CustomerClustering>();
        var provider = services.BuildServiceProvider();

        // The CLI may be newer than the host that made the database: bring the schema up to date first.
        await using var db = await provider.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return provider;
    }

    private sealed class Narrowed<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AutomationDbContext>
        where TContext : AutomationDbContext
    {
        public AutomationDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
