using Automation.Engine.Audit;
using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>The approvers' decisions, with four-eyes: whoever published a workflow version cannot approve its actions.</summary>
public sealed class ApprovalService(IDbContextFactory<AutomationDbContext> databases, InstanceResumer resumer, OutboxSignal outbox, TimeProvider clock)
{
    /// <summary>Why this person may not decide this request, or null when they may.</summary>
    public static string? CannotDecide(string actor, string? publishedBy) =>
        publishedBy is not null && string.Equals(actor, publishedBy, StringComparison.OrdinalIgnoreCase)
            ? $"you published this workflow version, so another approver must decide (four-eyes rule)"
            : null;

    public async Task<DecisionResult> DecideAsync(Guid approvalId, string actor, bool approve, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == approvalId, cancellationToken);
        if (approval is null)
        {
            return new DecisionResult(DecisionStatus.NotFound, $"no approval request {approvalId}", null);
        }

        if (approval.Status != ApprovalStatus.Pending)
        {
            return new DecisionResult(DecisionStatus.AlreadyDecided, $"already {approval.Status.ToString().ToLowerInvariant()} by {approval.DecidedBy ?? "expiry"}", approval);
        }

        var publishedBy = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == approval.WorkflowId && v.Version == approval.WorkflowVersion)
            .Select(v => v.PublishedBy).FirstOrDefaultAsync(cancellationToken);
        if (CannotDecide(actor, publishedBy) is { } why)
        {
            return new DecisionResult(DecisionStatus.Forbidden, why, approval);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        approval.Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        approval.DecidedBy = actor;
        approval.DecidedAt = now;
        approval.Comment = comment;
        AuditLog.Write(db, actor, approve ? "approval.approved" : "approval.rejected", $"approval/{approval.Id}", $"{approval.ActionType ?? "approval"} for {approval.CustomerId} in {approval.WorkflowId} v{approval.WorkflowVersion}: {comment}", now);
        await ApprovalDecisions.ApplyAsync(db, resumer, approval, approve, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return new DecisionResult(DecisionStatus.Decided, null, approval);
    }
}
