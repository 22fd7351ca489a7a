using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Automation.Storage;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAutomationDbContext>
{
    public SqliteAutomationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAutomationDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAutomationDbContext>
{
    public PostgresAutomationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAutomationDbContext>().UseNpgsql("Host=localhost;Database=automation").Options);
}
