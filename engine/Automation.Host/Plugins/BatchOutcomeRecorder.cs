using Automation.Engine.Actions;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Plugins;

/// <summary>
/// Makes each answer of a batch durable, each for its own action: successes through the group-committed outcome
/// writer (the dedupe row a redelivery finds), retryable failures held for a redelivery while redeliveries remain,
/// every failure's attempts and reason in the dispatch log. Our database failing is waited out, never the connector's.
/// </summary>
public sealed class BatchOutcomeRecorder(ConnectorServices services)
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

    /// <summary>The facts for actions that failed for good: permanent answers, and retryable ones with no redelivery left.</summary>
    public IEnumerable<ActionFailed> Failures(IEnumerable<BatchItemOutcome> outcomes, DateTimeOffset now) =>
        outcomes.Where(o => o.Result.Outcome == ActionOutcome.PermanentFailure || (o.Result.Outcome == ActionOutcome.RetryableFailure && HeldUntil(o, now.UtcDateTime) is null))
            .Select(o => new ActionFailed(
                o.Message.ActionId,
                o.Message.ActionType,
                o.Result.Outcome == ActionOutcome.PermanentFailure ? $"permanent failure: {o.Result.Detail}" : $"gave up after retries: {o.Result.Detail}",
                o.Attempt,
                now));

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
