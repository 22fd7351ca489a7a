using Automation.Storage.Events;
using Automation.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

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

    public override SqlDialect Sql => SqliteSqlDialect.Instance;

    // A file has no connection to lose.
    public override void ForgetPooledConnections()
    {
    }

    // One engine process owns the file and its writing transactions begin IMMEDIATE: they are serialized already.
    public override Task LockUntilTransactionEndsAsync(DatabaseLock scope, string? key, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<bool> TryLockUntilTransactionEndsAsync(DatabaseLock scope, CancellationToken cancellationToken) => Task.FromResult(true);

    public override Task<IDbContextTransaction?> BeginClaimAsync(DatabaseLock scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult<IDbContextTransaction?>(null);

    public override Task<IDbContextTransaction?> BeginClaimsAsync(DatabaseLock scope, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IDbContextTransaction?>(null);

    public override async Task<OutboxClaim> ClaimOutboxAsync(int batchSize, CancellationToken cancellationToken) =>
        new(await Outbox.OrderBy(m => m.Id).Take(batchSize).ToListAsync(cancellationToken), null);

    // Read on the connection's own handle: Microsoft.Data.Sqlite's per-column calls cost ten times SQLite's own work.
    public override async Task<List<T>> ListUntrackedAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var untracked = query.AsNoTracking();
        return await SqliteDirectReads.TryListAsync(this, untracked, cancellationToken) ?? await untracked.ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The embedded log has no customer index and no processed flag: an index insert per appended event, at a random
    /// place, made the append (the 202) pay for the timeline, and setting the flag rewrote every event row. Folded events
    /// are filed under their customer instead, in a keys-only table written sorted a few hundred thousand at a time
    /// (<see cref="EventCustomerRows"/>); the events above its checkpoint are found by sequence.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        var events = modelBuilder.Entity<StoredEvent>().Metadata;
        foreach (var index in events.GetIndexes().Where(i => i.Properties.Any(p => p.Name is nameof(StoredEvent.CustomerId) or nameof(StoredEvent.Processed))).ToList())
        {
            events.RemoveIndex(index);
        }

        // Created by its migration as WITHOUT ROWID (one B-tree, not a table and its key's index), which EF Core cannot express.
        modelBuilder.Entity<EventCustomerKey>(keys =>
        {
            keys.ToTable("event_customers", t => t.ExcludeFromMigrations());
            keys.HasKey(k => new { k.CustomerId, k.Timestamp, k.Sequence });
        });
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(Interceptors);
    }
}
