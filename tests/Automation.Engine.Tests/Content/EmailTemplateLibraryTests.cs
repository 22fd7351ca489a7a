using Automation.Engine.Content;
using Automation.Engine.Tests.Support;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Content;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Content;

public sealed class EmailTemplateLibraryTests
{
    private static readonly CustomerSnapshot Ada = new("c-1", "ada@example.test", "Ada", null, null, new Dictionary<string, string>());

    [Fact]
    public async Task A_template_read_before_the_database_went_down_still_renders_while_it_is_down()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await SaveTemplateAsync(database, "spring", "Spring sale for {{ name }}");
        var databases = new SwitchableDatabase(database);
        var clock = new MovableClock();
        var library = new EmailTemplateLibrary(databases, clock);
        var before = await library.RenderAsync(new EmailRenderRequest("spring", Ada, "https://example.test/u"), CancellationToken.None);

        databases.Down = true;
        clock.Advance(EmailTemplateLibrary.Kept * 3);
        var during = await library.RenderAsync(new EmailRenderRequest("spring", Ada, "https://example.test/u"), CancellationToken.None);

        Assert.Equal("Spring sale for Ada", before.Subject);
        Assert.Equal(before.Subject, during.Subject);
        Assert.Equal(before.Html, during.Html);
    }

    [Fact]
    public async Task A_template_never_read_fails_with_the_database_error_while_the_database_is_down()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await SaveTemplateAsync(database, "spring", "Spring sale for {{ name }}");
        var library = new EmailTemplateLibrary(new SwitchableDatabase(database) { Down = true }, new MovableClock());

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => library.RenderAsync(new EmailRenderRequest("spring", Ada, "https://example.test/u"), CancellationToken.None));
    }

    private static async Task SaveTemplateAsync(TemporaryDatabase database, string key, string subject)
    {
        await using var db = database.CreateDbContext();
        db.EmailTemplates.Add(new EmailTemplateRecord { Key = key, Name = key, Subject = subject, Html = "<p>Hello {{ name }}</p>", Text = "Hello {{ name }}" });
        await db.SaveChangesAsync();
    }

    /// <summary>The real database, or, once down, a database file that cannot be opened (as an unreachable server fails).</summary>
    private sealed class SwitchableDatabase(TemporaryDatabase database) : IDbContextFactory<AutomationDbContext>
    {
        public bool Down { get; set; }

        public AutomationDbContext CreateDbContext() => Down
            ? new SqliteAutomationDbContext(new DbContextOptionsBuilder<SqliteAutomationDbContext>()
                .UseSqlite($"Data Source={Path.Combine(database.Folder, "gone", "automation.db")};Mode=ReadWrite;Pooling=False").Options)
            : database.CreateDbContext();
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
