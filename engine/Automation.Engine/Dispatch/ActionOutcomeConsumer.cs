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
        var completions = context.Message.Select(m => m.Message).ToList();
        await outage.RunAsync(
            "Recording action outcomes",
            async ct =>
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var profiles = await PreloadAsync(db, completions.Select(m => m.ActionId).ToList(), ct);
                foreach (var m in completions)
                {
                    await RecordAsync(db, m.ActionId, ActionStatus.Completed, "done", m.Attempts, detail: m.Detail, error: null, ct, profiles);
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
    /// The batch's actions, their waiting instances and those customers' profiles in three queries: actions and instances
    /// tracked, so the per-action look-ups below (Find) come from the identity map instead of three round trips per
    /// action; profiles only read (a workflow never changes one), as tracking them made every save compare each one.
    /// </summary>
    private static async Task<Dictionary<string, CustomerProfile>> PreloadAsync(AutomationDbContext db, List<Guid> actionIds, CancellationToken cancellationToken)
    {
        var actions = await db.Actions.Where(a => actionIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var instanceIds = actions.Where(a => a.InstanceId != null).Select(a => a.InstanceId!.Value).Distinct().ToList();
        var instances = await db.WorkflowInstances.Where(i => instanceIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var customers = instances.Select(i => i.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        return await db.Profiles.AsNoTracking().Where(p => customers.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, StringComparer.Ordinal, cancellationToken);
    }

    private async Task RecordAsync(
        AutomationDbContext db, Guid actionId, ActionStatus status, string port, int attempts, string? detail, string? error, CancellationToken cancellationToken, IReadOnlyDictionary<string, CustomerProfile>? profiles = null)
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
        await resumer.ResumeByBookmarkAsync(db, record.InstanceId, $"action:{record.Id}", port, summary, now, cancellationToken, profiles);
    }
}
