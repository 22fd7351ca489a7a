using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Dispatch;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Plugins;

/// <summary>
/// Runs one action type's plugin handler for each DispatchAction on that type's queue. Idempotent: a dispatch whose
/// key was carried out before is not carried out again, only its outcome is announced again.
/// </summary>
public sealed class PluginActionConsumer(
    RegisteredAction action,
    PluginRegistry plugins,
    IDbContextFactory<AutomationDbContext> databases,
    ILoggerFactory loggers,
    TimeProvider clock) : IConsumer<DispatchAction>
{
    public async Task Consume(ConsumeContext<DispatchAction> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var attempt = context.GetRetryAttempt() + context.GetRedeliveryCount() + 1;
        var ct = context.CancellationToken;

        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            var done = await db.ProcessedDispatches.AsNoTracking().FirstOrDefaultAsync(p => p.IdempotencyKey == m.IdempotencyKey, ct);
            if (done is not null)
            {
                await context.Publish(new ActionCompleted(m.ActionId, m.ActionType, done.Detail, attempt, done.ProcessedAt), ct);
                return;
            }
        }

        ActionResult result;
        try
        {
            var handler = plugins.CreateHandler(action, loggers);
            result = await handler.HandleAsync(new ActionRequest(m.ActionId, m.ActionType, m.IdempotencyKey, m.Customer, m.Input, m.Context, attempt), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A throwing handler is a plugin bug or an outage; retry it like a retryable failure.
            result = ActionResult.Retryable($"{action.Plugin} threw {ex.GetType().Name}: {ex.Message}");
        }

        await using var store = await databases.CreateDbContextAsync(ct);
        if (result.Outcome != ActionOutcome.Succeeded)
        {
            await store.Actions.Where(a => a.Id == m.ActionId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, attempt).SetProperty(a => a.LastError, result.Detail), ct);
            throw result.Outcome == ActionOutcome.PermanentFailure
                ? new PermanentActionFailure(result.Detail ?? "permanent failure")
                : new RetryableActionFailure(result.Detail ?? "retryable failure");
        }

        var now = clock.GetUtcNow();
        store.ProcessedDispatches.Add(new ProcessedDispatch { IdempotencyKey = m.IdempotencyKey, ActionType = m.ActionType, Detail = result.Detail, ProcessedAt = now.UtcDateTime });
        await store.Actions.Where(a => a.Id == m.ActionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, attempt), ct);
        await store.SaveChangesAsync(ct);
        await context.Publish(new ActionCompleted(m.ActionId, m.ActionType, result.Detail, attempt, now), ct);
    }
}
