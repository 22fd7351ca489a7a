using Automation.Engine.Audit;
using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>
/// The approvers' decisions, with four-eyes: whoever published a workflow version (or an account that stands for them,
/// see <see cref="PersonLinks"/>) cannot decide its actions. The actor is a signed-in person's account, never a key.
/// </summary>
public sealed class ApprovalService(IDbContextFactory<AutomationDbContext> databases, InstanceResumer resumer, OutboxSignal outbox, TimeProvider clock)
{
    public async Task<DecisionResult> DecideAsync(Guid approvalId, string actor, bool approve, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == approvalId, cancellationToken);
        if (approval is null)
        {
            return new DecisionResult(DecisionStatus.NotFound, $"no approval request {approvalId}", null);
        }

        if (approval.GroupId is { } group && approval.Status == ApprovalStatus.Pending)
        {
            return new DecisionResult(DecisionStatus.AlreadyDecided, $"this request is part of approval group {group}: decide the group (and take customers out of it there)", approval);
        }

        if (approval.Status != ApprovalStatus.Pending)
        {
            return new DecisionResult(DecisionStatus.AlreadyDecided, $"already {approval.Status.ToString().ToLowerInvariant()} by {approval.DecidedBy ?? "expiry"}", approval);
        }

        var publishedBy = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == approval.WorkflowId && v.Version == approval.WorkflowVersion)
            .Select(v => v.PublishedBy).FirstOrDefaultAsync(cancellationToken);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var links = await PersonLinks.LoadAsync(db, cancellationToken);
        if (links.CannotDecide(actor, publishedBy) is { } why)
        {
            // A refusal is audited too: repeated attempts to decide one's own actions are worth seeing.
            AuditLog.Write(db, actor, approve ? "approval.approve.refused" : "approval.reject.refused", $"approval/{approval.Id}", why, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new DecisionResult(DecisionStatus.Forbidden, why, approval);
        }

        approval.Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        approval.DecidedBy = actor;
        approval.DecidedAt = now;
        approval.Comment = comment;
        AuditLog.Write(db, actor, approve ? "approval.approved" : "approval.rejected", $"approval/{approval.Id}", $"{approval.ActionType ?? "approval"} for {approval.CustomerId} in {approval.WorkflowId} v{approval.WorkflowVersion}: {comment ?? "(no comment)"}", now);
        await ApprovalDecisions.ApplyAsync(db, resumer, approval, approve, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return new DecisionResult(DecisionStatus.Decided, null, approval);
    }
}
