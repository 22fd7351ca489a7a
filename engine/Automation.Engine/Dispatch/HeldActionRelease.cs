using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Dispatch;

/// <summary>Actions held for quiet hours are sent once their hold ends.</summary>
public sealed class HeldActionRelease : IDueWork
{
    public async Task<int> FireDueAsync(AutomationDbContext db, DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = await db.Actions.Where(a => a.Status == ActionStatus.Held && a.HeldUntil <= nowUtc).OrderBy(a => a.HeldUntil).Take(limit).ToListAsync(cancellationToken);
        foreach (var action in held)
        {
            var profile = await db.Profiles.FirstOrDefaultAsync(p => p.CustomerId == action.CustomerId, cancellationToken);
            DispatchPipeline.Send(db, action, profile, nowUtc);
        }

        return held.Count;
    }
}
