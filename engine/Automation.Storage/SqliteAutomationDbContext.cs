using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Automation.Storage;

public sealed class SqliteAutomationDbContext : AutomationDbContext
{
    private static readonly IInterceptor[] Interceptors = [new SqliteConnectionTuning(), new SqliteWriteGateInterceptor(), new SqliteWriteGateRelease(), new SqliteAutocommitWriteInterceptor()];

    public SqliteAutomationDbContext(DbContextOptions<SqliteAutomationDbContext> options)
        : base(options)
    {
        // A single-statement SaveChanges would otherwise autocommit outside any transaction and skip the write gate.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    public override bool IsPostgres => false;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(Interceptors);
    }
}
