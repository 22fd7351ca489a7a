using Automation.Storage.Profiles;
using Automation.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Storage;

public sealed class PostgresAutomationDbContext(DbContextOptions<PostgresAutomationDbContext> options) : AutomationDbContext(options)
{
    public override bool IsPostgres => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // A profile is rewritten on nearly every event. Room left on each page lets PostgreSQL write the new version
        // beside the old one without new index entries (a HOT update) whenever no indexed column changed; full pages
        // send every rewrite to another page and through all three indexes.
        modelBuilder.Entity<CustomerProfile>().HasStorageParameter("fillfactor", 75);
    }

    public override SqlDialect Sql => PostgresSqlDialect.Instance;

    public override void ForgetPooledConnections()
    {
        if (Database.GetDbConnection() is Npgsql.NpgsqlConnection connection)
        {
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    // Advisory locks taken with _xact_ are released by the transaction's end, or by the connection dropping when a
    // process dies: no lock outlives its holder.
    public override async Task LockUntilTransactionEndsAsync(DatabaseLock scope, string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({(long)scope})", cancellationToken);
        }
        else
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, {(long)scope}))", cancellationToken);
        }
    }

    public override Task<bool> TryLockUntilTransactionEndsAsync(DatabaseLock scope, CancellationToken cancellationToken) =>
        Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({(long)scope}) AS \"Value\"").SingleAsync(cancellationToken);

    public override async Task<IDbContextTransaction?> BeginClaimAsync(DatabaseLock scope, string key, CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await LockUntilTransactionEndsAsync(scope, key, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override async Task<IDbContextTransaction?> BeginClaimsAsync(DatabaseLock scope, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
            await Database.ExecuteSqlAsync(
                $"SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT hashtextextended(k, {(long)scope}) AS h FROM unnest({distinct}) AS k ORDER BY h) AS ordered",
                cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    // Several engine processes relay at once; row locks keep them off each other's messages.
    public override async Task<OutboxClaim> ClaimOutboxAsync(int batchSize, CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var messages = await Outbox.FromSqlRaw("SELECT * FROM outbox ORDER BY \"Id\" LIMIT {0} FOR UPDATE SKIP LOCKED", batchSize).ToListAsync(cancellationToken);
            return new OutboxClaim(messages, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
