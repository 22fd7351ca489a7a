using Microsoft.EntityFrameworkCore;

namespace Automation.Storage;

public sealed class SqliteAutomationDbContext(DbContextOptions<SqliteAutomationDbContext> options) : AutomationDbContext(options)
{
    public override bool IsPostgres => false;
}
