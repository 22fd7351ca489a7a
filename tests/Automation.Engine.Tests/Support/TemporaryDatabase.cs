using Automation.Engine.Events;
using Automation.Engine.Processing.Embedded;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Support;

/// <summary>A fresh, migrated SQLite file of the engine's schema, and the engine's ingestion path over it.</summary>
public sealed class TemporaryDatabase : IDbContextFactory<AutomationDbContext>, IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-engine-tests", Guid.NewGuid().ToString("N"));
    private readonly DbContextOptions<SqliteAutomationDbContext> options;

    private TemporaryDatabase()
    {
        Directory.CreateDirectory(folder);
        options = new DbContextOptionsBuilder<SqliteAutomationDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "automation.db")};Pooling=False").Options;
    }

    public string Folder => folder;

    public static async Task<TemporaryDatabase> CreateAsync()
    {
        var database = new TemporaryDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public AutomationDbContext CreateDbContext() => new SqliteAutomationDbContext(options);

    public EventIngestion Ingestion() => new(new EmbeddedEventLog(this), new IncomingEventValidator(TimeProvider.System), new EventProcessingSignal(), TimeProvider.System);

    public async Task<int> CountEventsAsync()
    {
        await using var db = CreateDbContext();
        return await db.Events.CountAsync();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
