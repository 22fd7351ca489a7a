using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Automation.Engine.Processing;
using Automation.Engine.Dispatch;
using Automation.Engine.Privacy;
using Automation.Composition.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Automation.Composition.Storage;

public static class StorageSetup
{
    /// <summary>Registers the database of Automation:Database: a SQLite file (default) or PostgreSQL.</summary>
    public static void AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.ReadAutomationOptions();

        // Migration hashes old suppressions with the shared salt: whoever composes storage can migrate.
        builder.Services.TryAddSingleton<CustomerPseudonyms>();
        if (options.Database == DatabaseKind.Postgres)
        {
            builder.Services.AddDbContextFactory<PostgresAutomationDbContext>(o => o.UseNpgsql(options.PostgresConnectionString ?? ""));
            builder.Services.AddSingleton<IDbContextFactory<AutomationDbContext>, ProviderContextFactory<PostgresAutomationDbContext>>();
            builder.Services.AddSharedProcessingHome();
            builder.Services.AddAdvisoryLockOwnership();
        }
        else
        {
            var path = Path.GetFullPath(options.SqlitePath);

            // Held while the host runs: `automation restore` refuses to replace the file under it.
            builder.Services.AddSingleton(_ => Automation.Storage.Backup.EngineFileLock.TryTake(path)
                ?? throw new StartupException($"Automation:SqlitePath: another process holds {path} (a running host or a restore)"));
            builder.Services.AddDbContextFactory<SqliteAutomationDbContext>(o => o.UseSqlite($"Data Source={path};Default Timeout=30;Pooling=True"));
            builder.Services.AddSingleton<IDbContextFactory<AutomationDbContext>, ProviderContextFactory<SqliteAutomationDbContext>>();
            builder.Services.AddEmbeddedProcessingHome();
            builder.Services.AddSingleProcessOwnership();
        }
    }

    /// <summary>Applies pending migrations (and hashes suppressions made before they were hashed); on SQLite also switches to WAL so readers never block the writer.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        _ = app.Services.GetService<Automation.Storage.Backup.EngineFileLock>();
        await using var db = await databases.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await Suppressions.HashUnhashedAsync(db, app.Services.GetRequiredService<CustomerPseudonyms>(), app.Lifetime.ApplicationStopping);
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AutomationDbContext>
        where TContext : AutomationDbContext
    {
        public AutomationDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AutomationDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
