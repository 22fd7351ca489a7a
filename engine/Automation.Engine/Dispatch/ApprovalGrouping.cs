using Automation.Engine.Configuration;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Puts a new approval request into its step's group: the budget-affecting requests of one workflow version's step
/// that reach <see cref="DispatchOptions.ApprovalGroupSize"/> within <see cref="DispatchOptions.ApprovalGroupWindow"/>
/// become one undecided group, and later arrivals join it until it is decided; after the decision the next arrivals
/// start over. Fewer stay single requests, decided one by one as before. Called inside the caller's transaction.
/// </summary>
public sealed class ApprovalGrouping(IOptions<AutomationOptions> options)
{
    public async Task JoinAsync(AutomationDbContext db, ApprovalRequest request, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value.Dispatch;
        if (settings.ApprovalGroupSize < 2)
        {
            return;
        }

        // A unit of work that starts thousands of one step's customers asks the database once.
        var memo = $"approval-group:{request.WorkflowId}:{request.WorkflowVersion}:{request.ActivityId}";
        if (db.Memo.GetValueOrDefault(memo) is ApprovalGroup held && held.Status == ApprovalStatus.Pending)
        {
            request.GroupId = held.Id;
            return;
        }

        // Two consumers (or processes) reaching one step at once would each count the same waiting requests and each
        // form a group; the lock, held until the caller's transaction ends, makes the second find the first one's group.
        await db.LockUntilTransactionEndsAsync(DatabaseLock.ApprovalGroup, memo, cancellationToken);
        var open = await db.ApprovalGroups.FirstOrDefaultAsync(
            g => g.WorkflowId == request.WorkflowId && g.WorkflowVersion == request.WorkflowVersion && g.ActivityId == request.ActivityId && g.Status == ApprovalStatus.Pending,
            cancellationToken);
        if (open is not null)
        {
            db.Memo[memo] = open;
            request.GroupId = open.Id;
            return;
        }

        var since = nowUtc - settings.ApprovalGroupWindow;
        var stored = await SameStep(db.Approvals, request, since).ToListAsync(cancellationToken);
        var unsaved = db.ChangeTracker.Entries<ApprovalRequest>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var waiting = stored.Concat(SameStep(unsaved.AsQueryable(), request, since)).DistinctBy(a => a.Id).ToList();
        if (waiting.Count < settings.ApprovalGroupSize)
        {
            return;
        }

        var group = new ApprovalGroup
        {
            Id = Guid.CreateVersion7(),
            WorkflowId = request.WorkflowId,
            WorkflowVersion = request.WorkflowVersion,
            ActivityId = request.ActivityId,
            ActionType = request.ActionType,
            Status = ApprovalStatus.Pending,
            OpenedAt = nowUtc,
            ExpiresAt = nowUtc + settings.ApprovalExpiry,
        };
        db.ApprovalGroups.Add(group);
        foreach (var member in waiting)
        {
            member.GroupId = group.Id;
        }

        db.Memo[memo] = group;
    }

    /// <summary>Undecided single requests of the same step within the window (the new request itself included once added).</summary>
    private static IQueryable<ApprovalRequest> SameStep(IQueryable<ApprovalRequest> approvals, ApprovalRequest request, DateTime since) =>
        approvals.Where(a => a.WorkflowId == request.WorkflowId && a.WorkflowVersion == request.WorkflowVersion && a.ActivityId == request.ActivityId
            && a.Status == ApprovalStatus.Pending && a.GroupId == null && a.ActionId != null && a.RequestedAt >= since);
}
