using Automation.Engine.Dispatch;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>
/// What a group decision does to its members' actions, a thousand at a time: approved ones are dispatched (or held
/// for quiet hours) with their actions and profiles read in one query each; rejected ones are skipped and their
/// instances go on by "rejected". The single-request path, one at a time, is <see cref="ApprovalDecisions"/>.
/// </summary>
public static class GroupReleases
{
    private const int Chunk = 1000;

    public static async Task ApplyAsync(AutomationDbContext db, InstanceResumer resumer, IReadOnlyList<ApprovalRequest> members, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var chunk in members.Chunk(Chunk))
        {
            var actionIds = chunk.Select(a => a.ActionId).OfType<Guid>().ToArray();
            var actions = await db.Actions.Where(a => EF.Parameter(actionIds).Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var approvedCustomers = chunk.Where(a => a.Status == ApprovalStatus.Approved).Select(a => a.CustomerId).Distinct().ToArray();
            var profiles = await db.Profiles.AsNoTracking().Where(p => EF.Parameter(approvedCustomers).Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, StringComparer.Ordinal, cancellationToken);
            foreach (var approval in chunk)
            {
                if (approval.ActionId is not { } id || !actions.TryGetValue(id, out var action))
                {
                    continue;
                }

                if (approval.Status == ApprovalStatus.Approved)
                {
                    if (action.HeldUntil is { } until && until > nowUtc)
                    {
                        action.Status = ActionStatus.Held;
                    }
                    else
                    {
                        DispatchPipeline.Send(db, action, profiles.GetValueOrDefault(action.CustomerId), nowUtc);
                    }

                    continue;
                }

                action.Status = ActionStatus.Rejected;
                action.Detail = approval.Status == ApprovalStatus.Expired ? "approval expired" : $"rejected by {approval.DecidedBy}: {approval.Comment}";
                action.CompletedAt = nowUtc;
                await resumer.ResumeByBookmarkAsync(db, action.InstanceId, $"action:{action.Id}", "rejected", action.Detail, nowUtc, cancellationToken);
            }
        }
    }
}
