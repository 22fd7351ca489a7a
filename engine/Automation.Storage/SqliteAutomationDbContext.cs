using Microsoft.EntityFrameworkCore;

namespace Automation.Storage;

public sealed class SqliteAutomationDbContext(DbContextOptions<SqliteAutomationDbContext> options) : AutomationDbContext(options)
{
    private static readonly SqliteConnectionTuning Tuning = new();

    public override bool IsPostgres => false;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(Tuning);
    }
}
