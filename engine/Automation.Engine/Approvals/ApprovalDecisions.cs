using Automation.Engine.Audit;
using Automation.Engine.Dispatch;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>What a decision does: an approved action is dispatched, a rejected or expired one is not; the instance goes on.</summary>
public static class ApprovalDecisions
{
    public static async Task ApplyAsync(AutomationDbContext db, InstanceResumer resumer, ApprovalRequest approval, bool approve, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(resumer);
        if (approval.ActionId is { } actionId)
        {
            var action = await db.Actions.FirstAsync(a => a.Id == actionId, cancellationToken);
            if (approve)
            {
                if (action.HeldUntil is { } until && until > nowUtc)
                {
                    action.Status = ActionStatus.Held;
                }
                else
                {
                    var profile = await db.Profiles.FirstOrDefaultAsync(p => p.CustomerId == action.CustomerId, cancellationToken);
                    DispatchPipeline.Send(db, action, profile, nowUtc);
                }
            }
            else
            {
                action.Status = ActionStatus.Rejected;
                action.Detail = approval.Status == ApprovalStatus.Expired ? "approval expired" : $"rejected by {approval.DecidedBy}: {approval.Comment}";
                action.CompletedAt = nowUtc;
                await resumer.ResumeByBookmarkAsync(db, action.InstanceId, $"action:{action.Id}", "rejected", action.Detail, nowUtc, cancellationToken);
            }

            return;
        }

        var port = approve ? "approved" : "rejected";
        await resumer.ResumeByBookmarkAsync(db, approval.InstanceId, $"approval:{approval.Id}", port, $"{port} by {approval.DecidedBy ?? "expiry"}", nowUtc, cancellationToken);
    }

    public static Task ExpireAsync(AutomationDbContext db, InstanceResumer resumer, ApprovalRequest approval, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        approval.Status = ApprovalStatus.Expired;
        approval.DecidedAt = nowUtc;
        AuditLog.Write(db, "system", "approval.expired", $"approval/{approval.Id}", $"{approval.ActionType ?? "approval"} for {approval.CustomerId} in {approval.WorkflowId} v{approval.WorkflowVersion} expired undecided", nowUtc);
        return ApplyAsync(db, resumer, approval, approve: false, nowUtc, cancellationToken);
    }
}
