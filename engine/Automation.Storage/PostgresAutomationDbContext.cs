using Microsoft.EntityFrameworkCore;

namespace Automation.Storage;

public sealed class PostgresAutomationDbContext(DbContextOptions<PostgresAutomationDbContext> options) : AutomationDbContext(options)
{
    public override bool IsPostgres => true;
}
