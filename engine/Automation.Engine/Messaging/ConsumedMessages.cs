using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Messaging;

/// <summary>Consumer-side dedupe by message id, in the consumer's own transaction (delivery is at least once).</summary>
public static class ConsumedMessages
{
    public static async Task<bool> TryMarkAsync(AutomationDbContext db, Guid messageId, string what, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = $"msg:{messageId:N}";
        if (await db.ProcessedDispatches.AnyAsync(p => p.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        db.ProcessedDispatches.Add(new ProcessedDispatch { IdempotencyKey = key, ActionType = what, ProcessedAt = nowUtc });
        return true;
    }
}
