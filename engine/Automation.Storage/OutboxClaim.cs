using Automation.Storage.Messaging;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Storage;

/// <summary>
/// The oldest outbox messages, kept from other relaying processes until the claim is committed or disposed (where the
/// provider has such processes: on PostgreSQL by row locks in its own transaction).
/// </summary>
public sealed class OutboxClaim(IReadOnlyList<OutboxMessage> messages, IDbContextTransaction? transaction) : IAsyncDisposable
{
    public IReadOnlyList<OutboxMessage> Messages => messages;

    /// <summary>Makes what was written under the claim (the relayed messages' deletion) durable and lets the rest go.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
