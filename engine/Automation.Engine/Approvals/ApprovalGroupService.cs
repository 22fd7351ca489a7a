using Automation.Engine.Audit;
using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>
/// One decision for a group of requests, under the same rules as a single one: four-eyes against the version's
/// publisher, audited, refused once decided or expired. Customers the approver takes out are rejected as removed;
/// the rest are approved or rejected together, in one transaction.
/// </summary>
public sealed class ApprovalGroupService(IDbContextFactory<AutomationDbContext> databases, InstanceResumer resumer, OutboxSignal outbox, TimeProvider clock)
{
    public async Task<GroupDecisionResult> DecideAsync(GroupDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var group = await db.ApprovalGroups.FirstOrDefaultAsync(g => g.Id == decision.GroupId, cancellationToken);
        if (group is null)
        {
            return new GroupDecisionResult(DecisionStatus.NotFound, $"no approval group {decision.GroupId}", null);
        }

        if (group.Status != ApprovalStatus.Pending)
        {
            return new GroupDecisionResult(DecisionStatus.AlreadyDecided, $"already {group.Status.ToString().ToLowerInvariant()} by {group.DecidedBy ?? "expiry"}", group);
        }

        var publishedBy = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == group.WorkflowId && v.Version == group.WorkflowVersion).Select(v => v.PublishedBy).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var links = await PersonLinks.LoadAsync(db, cancellationToken);
        if (links.CannotDecide(decision.Actor, publishedBy) is { } why)
        {
            AuditLog.Write(db, decision.Actor, decision.Approve ? "approval.group.approve.refused" : "approval.group.reject.refused", $"approval-group/{group.Id}", why, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new GroupDecisionResult(DecisionStatus.Forbidden, why, group);
        }

        var comment = string.IsNullOrWhiteSpace(decision.Comment) ? null : decision.Comment.Trim();
        group.Status = decision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        group.DecidedBy = decision.Actor;
        group.DecidedAt = now;
        group.Comment = comment;
        var members = await db.Approvals.Where(a => a.GroupId == group.Id && a.Status == ApprovalStatus.Pending).ToListAsync(cancellationToken);
        var removed = new HashSet<string>(decision.Removed, StringComparer.Ordinal);
        foreach (var member in members)
        {
            var takenOut = removed.Contains(member.CustomerId);
            member.Status = decision.Approve && !takenOut ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
            member.DecidedBy = decision.Actor;
            member.DecidedAt = now;
            member.Comment = takenOut ? $"removed from the group{(comment is null ? "" : $": {comment}")}" : comment;
        }

        var result = new GroupDecisionResult(
            DecisionStatus.Decided, null, group, members.Count(m => m.Status == ApprovalStatus.Approved), members.Count(m => m.Status == ApprovalStatus.Rejected && !removed.Contains(m.CustomerId)), members.Count(m => removed.Contains(m.CustomerId)));
        AuditLog.Write(
            db, decision.Actor, decision.Approve ? "approval.group.approved" : "approval.group.rejected", $"approval-group/{group.Id}",
            $"{group.ActionType ?? "approval"} for {members.Count} customers in {group.WorkflowId} v{group.WorkflowVersion}: {result.Approved} approved, {result.Rejected} rejected, {result.Removed} removed ({string.Join(", ", removed.Order(StringComparer.Ordinal).Take(20))}); {comment ?? "(no comment)"}",
            now);
        await GroupReleases.ApplyAsync(db, resumer, members, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return result;
    }
}
