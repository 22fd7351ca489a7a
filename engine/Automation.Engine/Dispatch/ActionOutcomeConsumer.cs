using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Automation.Storage.Profiles;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Records a connector's outcome in the dispatch log and resumes the instance that waits for it. Completions come in
/// batches (up to <see cref="BatchLimit"/>, or whatever arrived within a few milliseconds), recorded and resumed in one
/// transaction: one commit per batch instead of one per action is what lets dispatch keep up with a busy event stream.
/// An outage of the database is waited out (<see cref="OutageRetry"/>) rather than sending the outcome to the error
/// queue, where its action would wait for nothing. An outcome that arrives for an action marked unknown settles it.
/// </summary>
public sealed class ActionOutcomeConsumer(IDbContextFactory<AutomationDbContext> databases, InstanceResumer resumer, OutboxSignal outbox, OutageRetry outage, TimeProvider clock)
    : IConsumer<Batch<ActionCompleted>>, IConsumer<ActionFailed>
{
    public const int BatchLimit = 100;

    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(5);

    public async Task Consume(ConsumeContext<Batch<ActionCompleted>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Two copies of one outcome (a redelivery) are one: the first is recorded, as it would be one after the other.
        var completions = context.Message.Select(m => m.Message).DistinctBy(m => m.ActionId).ToList();
        await outage.RunAsync(
            "Recording action outcomes",
            async ct =>
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var (open, profiles) = await PreloadAsync(db, completions.Select(m => m.ActionId).ToList(), ct);
                var recorded = completions.Where(m => open.ContainsKey(m.ActionId)).ToList();
                var now = clock.GetUtcNow().UtcDateTime;
                await CompleteAsync(db, recorded, now, ct);
                foreach (var m in recorded)
                {
                    var action = open[m.ActionId];
                    await resumer.ResumeByBookmarkAsync(db, action.InstanceId, $"action:{m.ActionId}", "done", $"{action.ActionType} completed: {m.Detail}", now, ct, profiles);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            context.CancellationToken);
        outbox.Notify();
    }

    public async Task Consume(ConsumeContext<ActionFailed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        await outage.RunAsync(
            "Recording a failed action",
            async ct =>
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await RecordAsync(db, m.ActionId, ActionStatus.Failed, "failed", m.Attempts, detail: null, error: m.Reason, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            },
            context.CancellationToken);
        outbox.Notify();
    }

    /// <summary>
    /// The batch's actions still open (not recorded, not settled by a person), their waiting instances and those customers'
    /// profiles in three queries: instances tracked, so the resumes below find them in the identity map instead of a
    /// round trip each; actions and profiles only read, as tracking them made every save compare (and update through
    /// EF Core's pipeline, one statement per action) each one.
    /// </summary>
    private static async Task<(Dictionary<Guid, OpenAction> Open, Dictionary<string, CustomerProfile> Profiles)> PreloadAsync(
        AutomationDbContext db, List<Guid> actionIds, CancellationToken cancellationToken)
    {
        var open = await db.Actions.AsNoTracking()
            .Where(a => actionIds.Contains(a.Id) && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Failed && a.Status != ActionStatus.Skipped && a.Status != ActionStatus.Rejected)
            .Select(a => new OpenAction(a.Id, a.InstanceId, a.ActionType)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var instanceIds = open.Values.Where(a => a.InstanceId != null).Select(a => a.InstanceId!.Value).Distinct().ToList();
        var instances = await db.WorkflowInstances.Where(i => instanceIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var customers = instances.Select(i => i.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var profiles = await db.Profiles.AsNoTracking().Where(p => customers.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, StringComparer.Ordinal, cancellationToken);
        return (open, profiles);
    }

    /// <summary>Marks the actions completed, one statement per attempt count and detail (a batch usually shares both).</summary>
    private static async Task CompleteAsync(AutomationDbContext db, List<ActionCompleted> completions, DateTime nowUtc, CancellationToken cancellationToken)
    {
        foreach (var same in completions.GroupBy(m => (m.Attempts, m.Detail)))
        {
            var ids = same.Select(m => m.ActionId).ToList();
            var (attempts, detail) = same.Key;
            await db.Actions.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Status, ActionStatus.Completed)
                    .SetProperty(a => a.Attempts, a => a.Attempts > attempts ? a.Attempts : attempts)
                    .SetProperty(a => a.Detail, a => detail ?? a.Detail)
                    .SetProperty(a => a.CompletedAt, nowUtc),
                cancellationToken);
        }
    }

    private async Task RecordAsync(
        AutomationDbContext db, Guid actionId, ActionStatus status, string port, int attempts, string? detail, string? error, CancellationToken cancellationToken)
    {
        var record = await db.Actions.FindAsync([actionId], cancellationToken);
        if (record is null || record.Status is ActionStatus.Completed or ActionStatus.Failed or ActionStatus.Skipped or ActionStatus.Rejected)
        {
            return; // not in the log, already recorded, or settled by a person: a redelivered or late outcome changes nothing
        }

        var now = clock.GetUtcNow().UtcDateTime;
        record.Status = status;
        record.Attempts = Math.Max(record.Attempts, attempts);
        record.Detail = detail ?? record.Detail;
        record.LastError = error ?? record.LastError;
        record.CompletedAt = now;
        var summary = status == ActionStatus.Completed ? $"{record.ActionType} completed: {detail}" : $"{record.ActionType} failed: {error}";
        await resumer.ResumeByBookmarkAsync(db, record.InstanceId, $"action:{record.Id}", port, summary, now, cancellationToken);
    }

    private sealed record OpenAction(Guid Id, Guid? InstanceId, string ActionType);
}
