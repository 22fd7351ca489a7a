using System.Diagnostics;
using Automation.Composition.Plugins;
using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Engine.Telemetry;
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
/// dispatch never run side by side (<see cref="DispatchClaim"/>). Our own database failing before or after the
/// handler is waited out (<see cref="OutageRetry"/>) without calling the handler again: only the connector's own
/// answers count as its failures. The handler runs under <see cref="HandOverDeadline"/>, never under the delivery's
/// token: MassTransit cancels that when the broker channel closes, and a hand-over cancelled mid-send may already have
/// been taken by the external system, unrecorded, and would go out again on redelivery.
/// </summary>
public sealed class PluginActionConsumer(
    RegisteredAction action,
    PluginRegistry plugins,
    IDbContextFactory<AutomationDbContext> databases,
    DispatchOutcomeWriter outcomes,
    OutageRetry outage,
    DispatchOptions settings,
    ILoggerFactory loggers,
    TimeProvider clock,
    HandOverDeadline deadline,
    ConnectorThrottles throttles) : IConsumer<DispatchAction>
{
    public async Task Consume(ConsumeContext<DispatchAction> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var ct = context.CancellationToken;
        ActionCompleted completed;
        // Beyond the connector's rate an action waits its turn here, before it claims anything; it does not fail.
        await throttles.For(m.ActionType).WaitTurnAsync(1, deadline.Token);
        var (db, claim, record) = await outage.RunAsync($"{m.ActionType} dispatch {m.ActionId}", c => OpenAsync(m, c), ct);
        await using (db)
        await using (claim)
        {
            if (record is null || (record.DoneAt is null && record.Status is ActionStatus.Completed or ActionStatus.Skipped or ActionStatus.Rejected))
            {
                return; // erased with its customer while queued, or settled by a person (marked as sent, cancelled)
            }

            // Counted in the dispatch log, so retries, redeliveries and re-sends after a hold all add up.
            var attempt = record.Attempts + 1;
            if (record.DoneAt is { } doneAt)
            {
                completed = new ActionCompleted(m.ActionId, m.ActionType, record.DoneDetail, record.Attempts, doneAt);
            }
            else
            {
                var result = await HandleAsync(m, attempt);
                var now = clock.GetUtcNow();
                if (result.Outcome != ActionOutcome.Succeeded)
                {
                    var redeliver = result.Outcome == ActionOutcome.RetryableFailure && context.GetRetryAttempt() >= settings.RetryLimit
                        ? ConnectorServices.RedeliveryDelay(settings, attempt) : null;
                    var heldUntil = redeliver is { } delay ? now.UtcDateTime + delay : (DateTime?)null;
                    await outage.RunAsync($"{m.ActionType} failure of {m.ActionId}", c => RecordFailureAsync(m.ActionId, attempt, result.Detail, heldUntil, c), CancellationToken.None);
                    await ReleaseAsync(claim);
                    if (redeliver is not null)
                    {
                        return; // the timer sends it again when the hold ends; this delivery is done
                    }

                    throw result.Outcome == ActionOutcome.PermanentFailure
                        ? new PermanentActionFailure(result.Detail ?? "permanent failure")
                        : new RetryableActionFailure(result.Detail ?? "retryable failure");
                }

                // The connector has handed the action over: from here nothing may lose that, not a cancelled delivery and
                // not a database outage. The outcome and the attempt count commit together, with other deliveries'
                // (group commit), before the message is acknowledged; a redelivery then finds it and does not send again.
                var processed = new ProcessedDispatch { IdempotencyKey = m.IdempotencyKey, ActionType = m.ActionType, Detail = result.Detail, ProcessedAt = now.UtcDateTime };
                await outage.RunAsync($"{m.ActionType} outcome of {m.ActionId}", c => outcomes.WriteAsync(processed, m.ActionId, attempt, c), CancellationToken.None);
                await ReleaseAsync(claim);
                completed = new ActionCompleted(m.ActionId, m.ActionType, result.Detail, attempt, now);
            }
        }

        await context.Publish(completed, ct);
    }

    /// <summary>The claim on the key, the attempt count and an earlier outcome under the same key (one round trip).</summary>
    private async Task<(AutomationDbContext Db, DispatchClaim Claim, DeliveryState? Record)> OpenAsync(DispatchAction m, CancellationToken ct)
    {
        var db = await databases.CreateDbContextAsync(ct);
        DispatchClaim? claim = null;
        try
        {
            claim = await DispatchClaim.TakeAsync(db, m.IdempotencyKey, ct);
            var record = await db.Actions.AsNoTracking().Where(a => a.Id == m.ActionId)
                .Select(a => new DeliveryState(
                    a.Attempts,
                    a.Status,
                    db.ProcessedDispatches.Where(p => p.IdempotencyKey == m.IdempotencyKey).Select(p => (DateTime?)p.ProcessedAt).FirstOrDefault(),
                    db.ProcessedDispatches.Where(p => p.IdempotencyKey == m.IdempotencyKey).Select(p => p.Detail).FirstOrDefault()))
                .FirstOrDefaultAsync(ct);
            return (db, claim, record);
        }
        catch
        {
            if (claim is not null)
            {
                await claim.DisposeAsync();
            }

            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Written on a connection of its own: the claim's may have died with an outage during the handler.</summary>
    private async Task RecordFailureAsync(Guid actionId, int attempt, string? error, DateTime? heldUntil, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var failed = db.Actions.Where(a => a.Id == actionId);
        if (heldUntil is { } until)
        {
            await failed.ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Attempts, attempt).SetProperty(a => a.LastError, error)
                    .SetProperty(a => a.Status, ActionStatus.Held).SetProperty(a => a.HeldUntil, until),
                ct);
        }
        else
        {
            await failed.ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, attempt).SetProperty(a => a.LastError, error), ct);
        }
    }

    /// <summary>Ends the claim; nothing was written under it, so a connection lost meanwhile only released it early.</summary>
    private static async Task ReleaseAsync(DispatchClaim claim)
    {
        try
        {
            await claim.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (OutageRetry.IsOutage(ex))
        {
            // The lock went with the connection; the outcome is already durable.
        }
    }

    private async Task<ActionResult> HandleAsync(DispatchAction m, int attempt)
    {
        using var span = EngineTelemetry.Start($"connector {m.ActionType}", kind: ActivityKind.Client);
        span?.SetTag("automation.action_type", m.ActionType).SetTag("automation.action_id", m.ActionId).SetTag("automation.plugin", action.Plugin).SetTag("automation.attempt", attempt);
        var started = Stopwatch.GetTimestamp();
        var result = await CallHandlerAsync(m, attempt);
        var outcome = result.Outcome switch
        {
            ActionOutcome.Succeeded => "succeeded",
            ActionOutcome.RetryableFailure => "retryable_failure",
            _ => "permanent_failure",
        };
        EngineTelemetry.ConnectorDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("action_type", m.ActionType), new KeyValuePair<string, object?>("outcome", outcome));
        span?.SetTag("automation.outcome", outcome);
        if (result.Outcome != ActionOutcome.Succeeded)
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Detail);
        }

        return result;
    }

    private async Task<ActionResult> CallHandlerAsync(DispatchAction m, int attempt)
    {
        try
        {
            var handler = plugins.CreateHandler(action, loggers);
            return await handler.HandleAsync(new ActionRequest(m.ActionId, m.ActionType, m.IdempotencyKey, m.Customer, m.Input, m.Context, attempt), deadline.Token);
        }
        catch (OperationCanceledException ex) when (!deadline.Token.IsCancellationRequested)
        {
            // Not ours: the connector's own client gave up (an HTTP timeout throws this too).
            return ActionResult.Retryable($"{action.Plugin} timed out: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A throwing handler is a plugin bug or an outage of its system; retry it like a retryable failure.
            return ActionResult.Retryable($"{action.Plugin} threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    private sealed record DeliveryState(int Attempts, ActionStatus Status, DateTime? DoneAt, string? DoneDetail);
}
