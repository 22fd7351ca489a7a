using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Dispatch;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Dispatch;

/// <summary>Records a connector's outcome in the dispatch log and resumes the instance that waits for it.</summary>
public sealed class ActionOutcomeConsumer(IDbContextFactory<AutomationDbContext> databases, InstanceResumer resumer, OutboxSignal outbox, TimeProvider clock)
    : IConsumer<ActionCompleted>, IConsumer<ActionFailed>
{
    public Task Consume(ConsumeContext<ActionCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return RecordAsync(m.ActionId, ActionStatus.Completed, "done", m.Attempts, detail: m.Detail, error: null, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ActionFailed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return RecordAsync(m.ActionId, ActionStatus.Failed, "failed", m.Attempts, detail: null, error: m.Reason, context.CancellationToken);
    }

    private async Task RecordAsync(Guid actionId, ActionStatus status, string port, int attempts, string? detail, string? error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (record is null || record.Status is ActionStatus.Completed or ActionStatus.Failed)
        {
            return; // unknown or already recorded: a redelivered outcome changes nothing
        }

        var now = clock.GetUtcNow().UtcDateTime;
        record.Status = status;
        record.Attempts = Math.Max(record.Attempts, attempts);
        record.Detail = detail ?? record.Detail;
        record.LastError = error ?? record.LastError;
        record.CompletedAt = now;
        var summary = status == ActionStatus.Completed ? $"{record.ActionType} completed: {detail}" : $"{record.ActionType} failed: {error}";
        await resumer.ResumeByBookmarkAsync(db, record.InstanceId, $"action:{record.Id}", port, summary, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
    }
}
