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

    /// <summary>
    /// The customer index covers processed events only: the embedded processor marks events processed in large
    /// write-behind flushes, so the random index inserts are paid once per flush rather than on every append
    /// (the append point stays sequential). Unprocessed events are found by the (Processed, Sequence) index.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Events.StoredEvent>().HasIndex(e => new { e.CustomerId, e.Timestamp }).HasFilter("\"Processed\"");
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(Interceptors);
    }
}
