using System.Data.Common;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Only one consumer at a time carries out a given idempotency key. A dispatch can reach the queue twice (the outbox
/// re-sends when a broker confirm is lost, a broker restart redelivers unacknowledged messages); without this, both
/// copies could pass the "already processed?" check together and the customer would get two emails.
/// In one process a striped lock does it; on PostgreSQL a transaction-scoped advisory lock covers every engine process.
/// </summary>
public sealed class DispatchClaim : IAsyncDisposable
{
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly SemaphoreSlim stripe;
    private IDbContextTransaction? transaction;

    private DispatchClaim(SemaphoreSlim stripe, IDbContextTransaction? transaction)
    {
        this.stripe = stripe;
        this.transaction = transaction;
    }

    public static async Task<DispatchClaim> TakeAsync(AutomationDbContext db, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var stripe = Stripes[(StringComparer.Ordinal.GetHashCode(idempotencyKey) & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        IDbContextTransaction? transaction = null;
        try
        {
            // Held until commit or rollback; a crashed process's connection drops and releases it.
            transaction = await db.BeginClaimAsync(DatabaseLock.ActionClaim, idempotencyKey, cancellationToken);

            return new DispatchClaim(stripe, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            stripe.Release();
            throw;
        }
    }

    /// <summary>Makes what was written under the claim durable (on SQLite every save already was).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
        catch (DbException)
        {
            // The connection is already gone (and with it the lock); nothing to roll back.
        }
        finally
        {
            stripe.Release();
        }
    }
}
