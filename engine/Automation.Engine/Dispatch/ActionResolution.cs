using Automation.Engine.Audit;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Dispatch;

/// <summary>
/// A person settles an action whose outcome is unknown (or that failed): send it again, say it was sent after all, or
/// cancel it. The waiting instance moves on as an outcome would move it: by "done" when sent, by "skipped" when
/// cancelled (like a guard's skip: deliberately not carried out, not a connector failure). Each decision is audited.
/// </summary>
public sealed class ActionResolution(InstanceResumer resumer, TimeProvider clock)
{
    /// <summary>
    /// Dispatches the action again. Unforced, a connector that had carried it out only announces the outcome again (its
    /// record is kept); forced, that record is removed first, so the connector carries it out once more.
    /// </summary>
    public async Task<string?> ResendAsync(AutomationDbContext db, ActionRecord action, bool force, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Status is not (ActionStatus.Unknown or ActionStatus.Failed))
        {
            return $"only actions whose outcome is unknown or that failed can be sent again; this one is {Name(action.Status)}";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (force)
        {
            await db.ProcessedDispatches.Where(p => p.IdempotencyKey == action.IdempotencyKey).ExecuteDeleteAsync(cancellationToken);
        }

        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == action.CustomerId, cancellationToken);
        var was = Name(action.Status);
        DispatchPipeline.Send(db, action, profile, now);
        AuditLog.Write(db, actor, force ? "action.resent-forced" : "action.resent", $"action/{action.Id}", $"was {was}: {action.LastError}", now);
        return null;
    }

    /// <summary>The person knows it went out (e.g. the customer got the email): recorded as completed, the instance goes on by "done".</summary>
    public async Task<string?> MarkSentAsync(AutomationDbContext db, ActionRecord action, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return await SettleAsync(db, action, ActionStatus.Completed, "done", $"marked as sent by {actor}", actor, "action.marked-sent", cancellationToken);
    }

    /// <summary>Not to be carried out (any more): recorded as skipped, the instance goes on by "skipped".</summary>
    public async Task<string?> CancelAsync(AutomationDbContext db, ActionRecord action, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return await SettleAsync(db, action, ActionStatus.Skipped, "skipped", $"cancelled by {actor}", actor, "action.cancelled", cancellationToken);
    }

    private async Task<string?> SettleAsync(AutomationDbContext db, ActionRecord action, ActionStatus status, string port, string detail, string actor, string audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (action.Status != ActionStatus.Unknown)
        {
            return $"only actions whose outcome is unknown can be settled by hand; this one is {Name(action.Status)}";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var why = action.LastError ?? "";
        action.Status = status;
        action.Detail = detail;
        action.CompletedAt = now;
        await resumer.ResumeByBookmarkAsync(db, action.InstanceId, $"action:{action.Id}", port, $"{action.ActionType} {detail}", now, cancellationToken);
        AuditLog.Write(db, actor, audit, $"action/{action.Id}", why, now);
        return null;
    }

    private static string Name(ActionStatus status) => status.ToString().ToLowerInvariant();
}
