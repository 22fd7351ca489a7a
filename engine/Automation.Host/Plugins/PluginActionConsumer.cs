using Automation.Engine.Configuration;
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
/// key was carried out before is not carried out again, only its outcome is announced again; two copies of one
/// dispatch never run side by side (<see cref="DispatchClaim"/>).
/// </summary>
public sealed class PluginActionConsumer(
    RegisteredAction action,
    PluginRegistry plugins,
    IDbContextFactory<AutomationDbContext> databases,
    DispatchOutcomeWriter outcomes,
    DispatchOptions settings,
    ILoggerFactory loggers,
    TimeProvider clock) : IConsumer<DispatchAction>
{
    public async Task Consume(ConsumeContext<DispatchAction> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var ct = context.CancellationToken;
        ActionCompleted completed;
        await using (var db = await databases.CreateDbContextAsync(ct))
        await using (var claim = await DispatchClaim.TakeAsync(db, m.IdempotencyKey, ct))
        {
            // The attempt count and an earlier outcome under the same key, in one round trip.
            var record = await db.Actions.AsNoTracking().Where(a => a.Id == m.ActionId)
                .Select(a => new
                {
                    a.Attempts,
                    DoneAt = db.ProcessedDispatches.Where(p => p.IdempotencyKey == m.IdempotencyKey).Select(p => (DateTime?)p.ProcessedAt).FirstOrDefault(),
                    DoneDetail = db.ProcessedDispatches.Where(p => p.IdempotencyKey == m.IdempotencyKey).Select(p => p.Detail).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(ct);
            if (record is null)
            {
                return; // erased with its customer while it was queued: nothing to do for anyone
            }

            // Counted in the dispatch log, so retries, redeliveries and re-sends after a hold all add up.
            var attempt = record.Attempts + 1;
            if (record.DoneAt is { } doneAt)
            {
                completed = new ActionCompleted(m.ActionId, m.ActionType, record.DoneDetail, record.Attempts, doneAt);
            }
            else
            {
                var result = await HandleAsync(m, attempt, ct);
                var now = clock.GetUtcNow();
                if (result.Outcome != ActionOutcome.Succeeded)
                {
                    var redeliver = result.Outcome == ActionOutcome.RetryableFailure && context.GetRetryAttempt() >= settings.RetryLimit
                        ? RedeliveryDelay(attempt) : null;
                    var failed = db.Actions.Where(a => a.Id == m.ActionId);
                    if (redeliver is { } delay)
                    {
                        var until = now.UtcDateTime + delay;
                        await failed.ExecuteUpdateAsync(
                            s => s.SetProperty(a => a.Attempts, attempt).SetProperty(a => a.LastError, result.Detail)
                                .SetProperty(a => a.Status, ActionStatus.Held).SetProperty(a => a.HeldUntil, until),
                            ct);
                    }
                    else
                    {
                        await failed.ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, attempt).SetProperty(a => a.LastError, result.Detail), ct);
                    }

                    await claim.CommitAsync(ct);
                    if (redeliver is not null)
                    {
                        return; // the timer sends it again when the hold ends; this delivery is done
                    }

                    throw result.Outcome == ActionOutcome.PermanentFailure
                        ? new PermanentActionFailure(result.Detail ?? "permanent failure")
                        : new RetryableActionFailure(result.Detail ?? "retryable failure");
                }

                // The outcome and the attempt count commit together, with other deliveries' (group commit), before
                // the message is acknowledged.
                await outcomes.WriteAsync(new ProcessedDispatch { IdempotencyKey = m.IdempotencyKey, ActionType = m.ActionType, Detail = result.Detail, ProcessedAt = now.UtcDateTime }, m.ActionId, attempt, ct);
                await claim.CommitAsync(ct);
                completed = new ActionCompleted(m.ActionId, m.ActionType, result.Detail, attempt, now);
            }
        }

        await context.Publish(completed, ct);
    }

    private async Task<ActionResult> HandleAsync(DispatchAction m, int attempt, CancellationToken ct)
    {
        try
        {
            var handler = plugins.CreateHandler(action, loggers);
            return await handler.HandleAsync(new ActionRequest(m.ActionId, m.ActionType, m.IdempotencyKey, m.Customer, m.Input, m.Context, attempt), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A throwing handler is a plugin bug or an outage; retry it like a retryable failure.
            return ActionResult.Retryable($"{action.Plugin} threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The wait before the next delivery once this delivery's retries are spent, or null when the redeliveries are
    /// used up too (the message then goes to the error queue). Rounds are counted from the attempts in the log.
    /// </summary>
    private TimeSpan? RedeliveryDelay(int attempt)
    {
        var roundsUsed = (attempt / (settings.RetryLimit + 1)) - 1;
        return roundsUsed < settings.Redeliveries ? settings.RedeliveryInterval * Math.Pow(4, Math.Max(0, roundsUsed)) : null;
    }
}
