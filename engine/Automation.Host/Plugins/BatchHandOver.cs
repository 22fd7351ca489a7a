using System.Diagnostics;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Engine.Telemetry;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;

namespace Automation.Host.Plugins;

/// <summary>
/// Hands a batch to its connector's batch handler in pieces its throttle allows, then retries only the actions that
/// answered "retryable", with back-off, until each has succeeded, failed for good or used the delivery's retries.
/// Never throws once a call has been made: an answer the connector gave (a send that happened) must reach the outcome
/// table, so a fault or a stopping engine turns only the actions not yet handed over into retryable ones.
/// </summary>
public sealed class BatchHandOver(RegisteredAction action, ConnectorServices services, BatchOutcomeRecorder recorder)
{
    /// <summary>
    /// Every action's final outcome. Each call's answers start their recording as soon as the call returns (while the
    /// next piece is sent), so a crash repeats at most one call's hand-overs, as it repeats one delivery's for single
    /// handlers.
    /// </summary>
    public async Task<IReadOnlyList<BatchItemOutcome>> RunAsync(IReadOnlyList<(DispatchAction Message, int Attempt)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var final = new List<BatchItemOutcome>(batch.Count);
        var recording = new List<Task>();
        var pending = batch.ToList();
        var delay = services.Settings.RetryMinInterval;
        var throttle = services.Throttles.For(action.Type);
        var perCall = throttle.Limit?.Unit == RateLimitUnit.Calls;
        var size = Math.Max(1, Math.Min(action.Descriptor.BatchSize, perCall ? int.MaxValue : throttle.LargestTurn));
        for (var round = 0; pending.Count > 0; round++)
        {
            var again = new List<(DispatchAction Message, int Attempt)>();
            foreach (var piece in pending.Chunk(size))
            {
                var answers = await CallInTurnAsync(throttle, perCall, piece);
                var settled = new List<BatchItemOutcome>(piece.Length);
                for (var i = 0; i < piece.Length; i++)
                {
                    var (message, attempt) = piece[i];
                    var retry = answers[i].Outcome == ActionOutcome.RetryableFailure && round < services.Settings.RetryLimit && !services.Deadline.Token.IsCancellationRequested;
                    if (retry)
                    {
                        again.Add((message, attempt + 1));
                    }
                    else
                    {
                        settled.Add(new BatchItemOutcome(message, answers[i], attempt));
                    }
                }

                final.AddRange(settled);
                recording.Add(recorder.RecordAsync(action, settled));
            }

            pending = again;
            if (pending.Count > 0)
            {
                await WaitAsync(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, services.Settings.RetryMaxInterval.Ticks));
            }
        }

        await Task.WhenAll(recording);
        return final;
    }

    private async Task WaitAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, services.Deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next round answers at once (retryable, not handed over).
        }
    }

    /// <summary>One answer per action of the piece, in order, once the throttle lets the piece go.</summary>
    private async Task<ActionResult[]> CallInTurnAsync(ConnectorThrottle throttle, bool perCall, (DispatchAction Message, int Attempt)[] piece)
    {
        try
        {
            await throttle.WaitTurnAsync(perCall ? 1 : piece.Length, services.Deadline.Token);
            return await CallAsync(piece);
        }
        catch (OperationCanceledException) when (services.Deadline.Token.IsCancellationRequested)
        {
            return [.. piece.Select(_ => ActionResult.Retryable("the engine is stopping; not handed over"))];
        }
    }

    private async Task<ActionResult[]> CallAsync((DispatchAction Message, int Attempt)[] piece)
    {
        // The same name as a single delivery's call, so one query finds every connector call; the batch size is a tag.
        using var span = EngineTelemetry.Start($"connector {action.Type}", kind: ActivityKind.Client);
        span?.SetTag("automation.action_type", action.Type).SetTag("automation.plugin", action.Plugin).SetTag("automation.batch_size", piece.Length);
        var started = Stopwatch.GetTimestamp();
        ActionResult[] results;
        try
        {
            var handler = (BatchActionHandler)services.Plugins.CreateHandler(action, services.Loggers);
            var requests = piece.Select(p => new ActionRequest(p.Message.ActionId, p.Message.ActionType, p.Message.IdempotencyKey, p.Message.Customer, p.Message.Input, p.Message.Context, p.Attempt)).ToList();
            var answered = await handler.HandleBatchAsync(requests, services.Deadline.Token);
            results = answered.Count == piece.Length
                ? [.. answered]
                : [.. piece.Select(_ => ActionResult.Retryable($"{action.Plugin} answered {answered.Count} results for {piece.Length} actions"))];
        }
        catch (OperationCanceledException ex) when (!services.Deadline.Token.IsCancellationRequested)
        {
            results = [.. piece.Select(_ => ActionResult.Retryable($"{action.Plugin} timed out: {ex.Message}"))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A throwing handler is a plugin bug or an outage of its system; it said nothing was handed over.
            results = [.. piece.Select(_ => ActionResult.Retryable($"{action.Plugin} threw {ex.GetType().Name}: {ex.Message}"))];
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds / piece.Length;
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var outcome = result.Outcome switch
            {
                ActionOutcome.Succeeded => "succeeded",
                ActionOutcome.RetryableFailure => "retryable_failure",
                _ => "permanent_failure",
            };
            outcomes.Add(outcome);
            EngineTelemetry.ConnectorDuration.Record(elapsed, new KeyValuePair<string, object?>("action_type", action.Type), new KeyValuePair<string, object?>("outcome", outcome));
        }

        // As a single call's span says it; a batch whose actions answered differently says "mixed".
        span?.SetTag("automation.outcome", outcomes.Count == 1 ? outcomes.First() : "mixed");
        if (!outcomes.SetEquals(["succeeded"]))
        {
            span?.SetStatus(ActivityStatusCode.Error, string.Join(", ", outcomes.Order(StringComparer.Ordinal)));
        }

        return results;
    }
}
