using Automation.Storage.Access;
using Automation.Storage.Approvals;
using Automation.Storage.Audit;
using Automation.Storage.Content;
using Automation.Storage.Dispatch;
using Automation.Storage.Events;
using Automation.Storage.Messaging;
using Automation.Storage.Outbox;
using Automation.Storage.Privacy;
using Automation.Storage.Profiles;
using Automation.Storage.Rules;
using Automation.Storage.Scoring;
using Automation.Storage.Segments;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Automation.Storage;

/// <summary>The engine's one database. Provider subclasses carry their own migrations and the few provider-specific choices.</summary>
public abstract class AutomationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<ProcessingCheckpoint> ProcessingCheckpoints => Set<ProcessingCheckpoint>();

    public DbSet<QuarantinedCustomer> QuarantinedCustomers => Set<QuarantinedCustomer>();

    public DbSet<QuarantinedEvent> QuarantinedEvents => Set<QuarantinedEvent>();

    public DbSet<CustomerProfile> Profiles => Set<CustomerProfile>();

    public DbSet<CustomerAlias> CustomerAliases => Set<CustomerAlias>();

    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();

    public DbSet<SegmentDefinitionRecord> Segments => Set<SegmentDefinitionRecord>();

    public DbSet<SegmentMembership> SegmentMemberships => Set<SegmentMembership>();

    public DbSet<SegmentSizeSnapshot> SegmentSizeSnapshots => Set<SegmentSizeSnapshot>();

    public DbSet<RuleSetRecord> RuleSets => Set<RuleSetRecord>();

    public DbSet<EmailTemplateRecord> EmailTemplates => Set<EmailTemplateRecord>();
    public DbSet<ScoreModelRecord> ScoreModels => Set<ScoreModelRecord>();

    public DbSet<ScoreDriftSnapshot> ScoreDrift => Set<ScoreDriftSnapshot>();

    public DbSet<WorkflowRecord> Workflows => Set<WorkflowRecord>();

    public DbSet<WorkflowVersionRecord> WorkflowVersions => Set<WorkflowVersionRecord>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<WorkflowStep> WorkflowSteps => Set<WorkflowStep>();

    public DbSet<SplitWinner> SplitWinners => Set<SplitWinner>();

    public DbSet<ScheduledTriggerRun> ScheduledTriggerRuns => Set<ScheduledTriggerRun>();

    public DbSet<ActionRecord> Actions => Set<ActionRecord>();

    public DbSet<ProcessedDispatch> ProcessedDispatches => Set<ProcessedDispatch>();

    public DbSet<Suppression> Suppressions => Set<Suppression>();

    public DbSet<ApprovalRequest> Approvals => Set<ApprovalRequest>();

    public DbSet<ApprovalGroup> ApprovalGroups => Set<ApprovalGroup>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>The built-in outbox: emails caught because no SMTP server is configured.</summary>
    public DbSet<CaughtEmail> CaughtEmails => Set<CaughtEmail>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<EngineSecret> Secrets => Set<EngineSecret>();

    /// <summary>Added, unsaved rows by unique key (see <see cref="PendingRows"/>).</summary>
    public PendingRows Pending { get; } = new();

    /// <summary>What one unit of work looks up once and reuses (a batch's published versions per trigger).</summary>
    public Dictionary<string, object> Memo { get; } = new(StringComparer.Ordinal);

    private readonly List<WorkflowStep> journal = [];
    private readonly List<OutboxMessage> outbox = [];

    /// <summary>
    /// Journals an instance's step: written at SaveChanges with the rest, set-based. Steps and outbox messages are
    /// only ever inserted, and change-tracked they were two of every workflow start's five single-row INSERTs.
    /// </summary>
    public void Journal(WorkflowStep step) => journal.Add(step);

    /// <summary>Puts a bus message in the outbox at SaveChanges, set-based, after the tracked rows (see <see cref="Journal"/>).</summary>
    public void Enqueue(OutboxMessage message) => outbox.Add(message);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // The synchronous path is rare (tools, tests): the rows go through change tracking.
        WorkflowSteps.AddRange(journal);
        Outbox.AddRange(outbox);
        journal.Clear();
        outbox.Clear();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (journal.Count == 0 && outbox.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // Changes are detected once here: each look at the entries below, and EF Core's own save, would detect them again
        // over every tracked row (a page of starts tracks a thousand).
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Started instances and new actions are only inserted here; change-tracked, each was one more single-row
            // INSERT through EF Core's update pipeline, the costliest part of a batch that starts thousands. A unique key
            // they break (two starts of one workflow for one customer, one idempotency key twice) still fails the unit of work.
            var saved = await InsertAddedAsync<WorkflowInstance>(cancellationToken) + await InsertAddedAsync<ActionRecord>(cancellationToken);

            // Instances moved on (resumed, finished) are each one UPDATE too; checked against their revision as EF Core would.
            var moved = ChangeTracker.Entries<WorkflowInstance>().Where(e => e.State == EntityState.Modified).ToList();
            if (moved.Count > 0 && !await BulkRows.TryUpdateTrackedAsync(this, moved, cancellationToken))
            {
                moved.Clear();
            }

            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) + moved.Count;
            await BulkRows.InsertAsync(this, journal, cancellationToken);
            await BulkRows.InsertAsync(this, outbox, cancellationToken);
            saved += journal.Count + outbox.Count;
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            journal.Clear();
            outbox.Clear();
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Inserts the added rows of one entity set-based and marks them unchanged; returns how many.</summary>
    private async Task<int> InsertAddedAsync<T>(CancellationToken cancellationToken)
        where T : class
    {
        var added = ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count > 0)
        {
            await BulkRows.InsertNewAsync(this, [.. added.Select(e => e.Entity)], cancellationToken);
            foreach (var entry in added)
            {
                entry.State = EntityState.Unchanged;
            }
        }

        return added.Count;
    }

    /// <summary>True when the provider is PostgreSQL (row locks and upserts differ). For storage code only.</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>The provider's spelling of what hand-written set-based SQL needs.</summary>
    public abstract SqlDialect Sql { get; }

    /// <summary>
    /// Makes every other transaction taking the same lock, in any engine process, wait until this transaction ends.
    /// Needs an open transaction. Where writing transactions are serialized anyway (SQLite begins them IMMEDIATE), it
    /// does nothing.
    /// </summary>
    public abstract Task LockUntilTransactionEndsAsync(DatabaseLock scope, string? key, CancellationToken cancellationToken);

    /// <summary>The same lock, taken only when free: false when another process's transaction holds it.</summary>
    public abstract Task<bool> TryLockUntilTransactionEndsAsync(DatabaseLock scope, CancellationToken cancellationToken);

    /// <summary>
    /// Begins the transaction that holds a claim's lock across processes and takes the lock; null where every save is
    /// already a serialized transaction of its own, so a claim needs none.
    /// </summary>
    public abstract Task<IDbContextTransaction?> BeginClaimAsync(DatabaseLock scope, string key, CancellationToken cancellationToken);

    /// <summary>The same for many keys at once, taken in one order so two batches never wait on each other in a circle.</summary>
    public abstract Task<IDbContextTransaction?> BeginClaimsAsync(DatabaseLock scope, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// The query's entities, untracked: the same entities as <c>query.AsNoTracking().ToListAsync()</c>, which is what
    /// a store without a faster reader runs. For wide rows read by the hundred (the segment sweep's profile pages).
    /// </summary>
    public virtual Task<List<T>> ListUntrackedAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : class => query.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>The oldest outbox messages, up to <paramref name="batchSize"/>, kept from other relaying processes.</summary>
    public abstract Task<OutboxClaim> ClaimOutboxAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Drops the idle pooled connections after the database was unreachable: each would otherwise fail its next user
    /// once (a connection reset by the outage), in the middle of whatever work took it.
    /// </summary>
    public abstract void ForgetPooledConnections();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every time is UTC; SQLite hands DateTime back unspecified and Npgsql insists on UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AutomationDbContext).Assembly);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
