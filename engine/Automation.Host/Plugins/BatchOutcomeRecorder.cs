using Automation.Engine.Actions;
using Automation.Host.ErrorQueues;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage.Dispatch;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Plugins;

/// <summary>
/// Makes each answer of a batch durable, each for its own action: successes through the group-committed outcome
/// writer (the dedupe row a redelivery finds), retryable failures held for a redelivery while redeliveries remain,
/// every failure's attempts and reason in the dispatch log. Our database failing is waited out, never the connector's.
/// An action that failed for good ends as a single delivery's does (<see cref="DispatchFaultConsumer"/>).
/// </summary>
public sealed class BatchOutcomeRecorder(ConnectorServices services, IErrorQueues errorQueues)
{
    public async Task RecordAsync(RegisteredAction action, IReadOnlyList<BatchItemOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        var now = services.Clock.GetUtcNow().UtcDateTime;
        var writes = outcomes.Where(o => o.Result.Outcome == ActionOutcome.Succeeded).Select(o =>
        {
            var processed = new ProcessedDispatch { IdempotencyKey = o.Message.IdempotencyKey, ActionType = o.Message.ActionType, Detail = o.Result.Detail, ProcessedAt = now };
            return services.Outage.RunAsync($"{action.Type} outcome of {o.Message.ActionId}", c => services.Outcomes.WriteAsync(processed, o.Message.ActionId, o.Attempt, c), CancellationToken.None);
        }).ToList();
        var failures = outcomes.Where(o => o.Result.Outcome != ActionOutcome.Succeeded).ToList();
        if (failures.Count > 0)
        {
            writes.Add(services.Outage.RunAsync($"{action.Type} failures of a batch", c => RecordFailuresAsync(failures, now, c), CancellationToken.None));
        }

        await Task.WhenAll(writes);
    }

    /// <summary>
    /// Ends the actions that failed for good (permanent answers, and retryable ones with no redelivery left) the way a
    /// single delivery's fault ends: the dispatch in its queue's <c>_error</c> queue with MassTransit's fault headers
    /// (listed, replayed or discarded on the error-queue page like any other), observed where the transport keeps no
    /// such queue, and the ActionFailed fact that fails the action and resumes its instance on "failed".
    /// </summary>
    public async Task GiveUpAsync(ConsumeContext context, IEnumerable<BatchItemOutcome> outcomes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failed = outcomes.Where(o => o.Result.Outcome == ActionOutcome.PermanentFailure || (o.Result.Outcome == ActionOutcome.RetryableFailure && HeldUntil(o, now.UtcDateTime) is null)).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var queue = RegisteredAction.QueueName(failed[0].Message.ActionType);
        var errorQueue = await context.GetSendEndpoint(new Uri($"queue:{queue}_error"));
        foreach (var o in failed)
        {
            var permanent = o.Result.Outcome == ActionOutcome.PermanentFailure;
            var reason = o.Result.Detail ?? (permanent ? "permanent failure" : "retryable failure");
            var exceptionType = (permanent ? typeof(PermanentActionFailure) : typeof(RetryableActionFailure)).FullName;
            await errorQueue.Send(
                o.Message,
                s =>
                {
                    s.Headers.Set("MT-Reason", "fault");
                    s.Headers.Set("MT-Fault-Message", reason);
                    s.Headers.Set("MT-Fault-ExceptionType", exceptionType);
                    s.Headers.Set("MT-Fault-Timestamp", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    s.Headers.Set("MT-Fault-InputAddress", context.ReceiveContext.InputAddress.ToString());
                },
                CancellationToken.None);
            errorQueues.Observe(o.Message, queue, reason, exceptionType, now);
        }

        await context.PublishBatch(
            failed.Select(o => new ActionFailed(
                o.Message.ActionId,
                o.Message.ActionType,
                o.Result.Outcome == ActionOutcome.PermanentFailure ? $"permanent failure: {o.Result.Detail}" : $"gave up after retries: {o.Result.Detail}",
                o.Attempt,
                now)),
            CancellationToken.None);
    }

    private DateTime? HeldUntil(BatchItemOutcome outcome, DateTime now) =>
        services.RedeliveryDelay(outcome.Attempt) is { } delay ? now + delay : null;

    private async Task RecordFailuresAsync(List<BatchItemOutcome> failures, DateTime now, CancellationToken ct)
    {
        await using var db = await services.Databases.CreateDbContextAsync(ct);
        foreach (var failure in failures)
        {
            var row = db.Actions.Where(a => a.Id == failure.Message.ActionId);
            var error = failure.Result.Detail;
            if (failure.Result.Outcome == ActionOutcome.RetryableFailure && HeldUntil(failure, now) is { } until)
            {
                // The timer sends it again when the hold ends.
                await row.ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.Attempts, failure.Attempt).SetProperty(a => a.LastError, error)
                        .SetProperty(a => a.Status, ActionStatus.Held).SetProperty(a => a.HeldUntil, until),
                    ct);
            }
            else
            {
                await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, failure.Attempt).SetProperty(a => a.LastError, error), ct);
            }
        }
    }
}
