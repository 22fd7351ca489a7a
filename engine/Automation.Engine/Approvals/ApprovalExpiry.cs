using Automation.Engine.Audit;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>Approvals and approval groups past their expiry are decided as rejected by expiry, and their instances move on.</summary>
public sealed class ApprovalExpiry(InstanceResumer resumer) : IDueWork
{
    public async Task<int> FireDueAsync(AutomationDbContext db, DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expired = await db.Approvals.Where(a => a.Status == ApprovalStatus.Pending && a.GroupId == null && a.ExpiresAt <= nowUtc).OrderBy(a => a.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
        foreach (var approval in expired)
        {
            await ApprovalDecisions.ExpireAsync(db, resumer, approval, nowUtc, cancellationToken);
        }

        // A group expires as one: every request still in it counts as rejected by expiry.
        var groups = await db.ApprovalGroups.Where(g => g.Status == ApprovalStatus.Pending && g.ExpiresAt <= nowUtc).OrderBy(g => g.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            group.Status = ApprovalStatus.Expired;
            group.DecidedAt = nowUtc;
            var members = await db.Approvals.Where(a => a.GroupId == group.Id && a.Status == ApprovalStatus.Pending).ToListAsync(cancellationToken);
            foreach (var member in members)
            {
                member.Status = ApprovalStatus.Expired;
                member.DecidedAt = nowUtc;
            }

            AuditLog.Write(db, "system", "approval.group.expired", $"approval-group/{group.Id}", $"{group.ActionType ?? "approval"} for {members.Count} customers in {group.WorkflowId} v{group.WorkflowVersion} expired undecided", nowUtc);
            await GroupReleases.ApplyAsync(db, resumer, members, nowUtc, cancellationToken);
        }

        return expired.Count + groups.Count;
    }
}
