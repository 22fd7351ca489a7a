using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Dispatch;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Automation.Host.Plugins;

/// <summary>
/// Runs a batch-capable connector on up to its BatchSize dispatches at once, with the guarantees of
/// <see cref="PluginActionConsumer"/> for each: the batch's keys are claimed together (one transaction, one round trip
/// for their states), a key already carried out is only announced again, and each action's answer is recorded on its
/// own: successes commit to the processed-dispatch table before the batch is acknowledged, retryable ones are retried
/// alone and then held for a redelivery, permanent ones fail with their reason. One batch runs at a time per action
/// type and process, so two copies of a key never run side by side here; the claim covers other processes.
/// </summary>
public sealed class PluginBatchConsumer(RegisteredAction action, ConnectorServices services, BatchOutcomeRecorder recorder) : IConsumer<Batch<DispatchAction>>
{
    public async Task Consume(ConsumeContext<Batch<DispatchAction>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        // Two copies of one dispatch in one batch (a re-send after a lost confirm) are one action.
        var messages = context.Message.Select(m => m.Message).DistinctBy(m => m.IdempotencyKey, StringComparer.Ordinal).ToList();
        var announcements = new List<ActionCompleted>();
        IReadOnlyList<BatchItemOutcome> outcomes = [];
        var (db, claim, states) = await services.Outage.RunAsync($"{action.Type} batch of {messages.Count}", c => OpenAsync(messages, c), ct);
        await using (db)
        {
            try
            {
                var toHandle = new List<(DispatchAction Message, int Attempt)>();
                foreach (var m in messages)
                {
                    if (!states.TryGetValue(m.ActionId, out var state) || (state.DoneAt is null && state.Status is ActionStatus.Completed or ActionStatus.Skipped or ActionStatus.Rejected))
                    {
                        continue; // erased with its customer while queued, or settled by a person
                    }

                    if (state.DoneAt is { } doneAt)
                    {
                        announcements.Add(new ActionCompleted(m.ActionId, m.ActionType, state.DoneDetail, state.Attempts, doneAt));
                    }
                    else
                    {
                        toHandle.Add((m, state.Attempts + 1));
                    }
                }

                if (toHandle.Count > 0)
                {
                    // From the first call on, nothing may lose an answer: outcomes are written as each call returns, without
                    // the delivery's token, and before the batch is acknowledged.
                    outcomes = await new BatchHandOver(action, services, recorder).RunAsync(toHandle);
                }
            }
            finally
            {
                await ReleaseAsync(claim);
            }
        }

        var now = services.Clock.GetUtcNow();
        await context.PublishBatch(announcements.Concat(outcomes.Where(o => o.Result.Outcome == ActionOutcome.Succeeded)
            .Select(o => new ActionCompleted(o.Message.ActionId, o.Message.ActionType, o.Result.Detail, o.Attempt, now))), ct);
        await recorder.GiveUpAsync(context, outcomes, now);
    }

    /// <summary>The claims on every key, and each action's attempts, status and earlier outcome (two set-based reads).</summary>
    private async Task<(AutomationDbContext Db, IDbContextTransaction? Claim, Dictionary<Guid, DeliveryState> States)> OpenAsync(List<DispatchAction> messages, CancellationToken ct)
    {
        var db = await services.Databases.CreateDbContextAsync(ct);
        IDbContextTransaction? claim = null;
        try
        {
            var keys = messages.Select(m => m.IdempotencyKey).ToList();
            var ids = messages.Select(m => m.ActionId).ToList();
            claim = await db.BeginClaimsAsync(DatabaseLock.ActionClaim, keys, ct);
            var done = await db.ProcessedDispatches.AsNoTracking().Where(p => keys.Contains(p.IdempotencyKey))
                .Select(p => new { p.IdempotencyKey, p.ProcessedAt, p.Detail }).ToDictionaryAsync(p => p.IdempotencyKey, StringComparer.Ordinal, ct);
            var rows = await db.Actions.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Attempts, a.Status }).ToListAsync(ct);
            var keyOf = messages.ToDictionary(m => m.ActionId, m => m.IdempotencyKey);
            var states = rows.ToDictionary(
                r => r.Id,
                r => done.TryGetValue(keyOf[r.Id], out var d) ? new DeliveryState(r.Attempts, r.Status, d.ProcessedAt, d.Detail) : new DeliveryState(r.Attempts, r.Status, null, null));
            return (db, claim, states);
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

    /// <summary>Ends the claim; nothing was written under it, so a connection lost meanwhile only released it early.</summary>
    private static async Task ReleaseAsync(IDbContextTransaction? claim)
    {
        if (claim is null)
        {
            return;
        }

        try
        {
            await claim.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (OutageRetry.IsOutage(ex))
        {
            // The lock went with the connection; the outcomes are already durable.
        }
        finally
        {
            await claim.DisposeAsync();
        }
    }

    private sealed record DeliveryState(int Attempts, ActionStatus Status, DateTime? DoneAt, string? DoneDetail);
}
