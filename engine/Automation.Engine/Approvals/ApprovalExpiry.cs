using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>Approvals past their expiry are decided as rejected by expiry, and their instances move on.</summary>
public sealed class ApprovalExpiry(InstanceResumer resumer) : IDueWork
{
    public async Task<int> FireDueAsync(AutomationDbContext db, DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expired = await db.Approvals.Where(a => a.Status == ApprovalStatus.Pending && a.ExpiresAt <= nowUtc).OrderBy(a => a.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
        foreach (var approval in expired)
        {
            await ApprovalDecisions.ExpireAsync(db, resumer, approval, nowUtc, cancellationToken);
        }

        return expired.Count;
    }
}
