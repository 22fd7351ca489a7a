using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Engine.Tests.Support;
using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Storage;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Appended_events_reach_the_database_file_behind_commits_that_never_checkpoint()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var file = Path.Combine(database.Folder, "automation.db");

        // Held open, so that no connection's close checkpoints the log (SQLite's last close does): only the checkpointer can.
        await using var keeper = new SqliteConnection($"Data Source={file};Pooling=False");
        await keeper.OpenAsync();
        await using (var read = keeper.CreateCommand())
        {
            // A connection joins the log at its first read, not at its open.
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync();
        }

        var before = new FileInfo(file).Length;

        var at = DateTime.UtcNow.AddHours(-1).ToString("O");
        var result = await database.Ingestion().IngestAsync([.. Enumerable.Range(0, 5000).Select(i => (IncomingEvent?)new IncomingEvent($"e{i}", $"c{i % 50}", "page_view", at, null, null))], CancellationToken.None);
        Assert.Equal(5000, result.Accepted);

        await using (var db = database.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }

        var waited = Stopwatch.StartNew();
        while (new FileInfo(file).Length <= before && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        Assert.True(new FileInfo(file).Length > before, $"the database file stayed at {before} bytes: the log was never checkpointed");
        Assert.Equal(5000, await database.CountEventsAsync());
    }

    [Fact]
    public async Task A_database_removed_after_its_last_commit_is_not_created_again_by_the_checkpointer()
    {
        var database = await TemporaryDatabase.CreateAsync();
        var at = DateTime.UtcNow.AddHours(-1).ToString("O");
        await database.Ingestion().IngestAsync([new IncomingEvent("e1", "c1", "page_view", at, null, null)], CancellationToken.None);
        var file = Path.Combine(database.Folder, "automation.db");
        File.Delete(file);

        await Task.Delay(Automation.Storage.Sqlite.SqliteCheckpointer.Interval * 3);

        Assert.False(File.Exists(file));
        await database.DisposeAsync();
    }
}
