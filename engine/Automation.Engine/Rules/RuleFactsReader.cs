using Automation.Engine.Expressions;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Rules;

/// <summary>
/// Reads what a rule session knows about one customer besides the profile (memberships, recent actions, open approvals,
/// tags) and keeps the tags fired rules give. Read only where a rule set decides, which is at crossings and rule-set
/// steps, far fewer than events.
/// </summary>
public static class RuleFactsReader
{
    public static async Task<RuleFacts> ReadAsync(AutomationDbContext db, string customerId, string triggerType, string triggerKey, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var segments = (await db.SegmentMemberships.AsNoTracking().Where(m => m.CustomerId == customerId)
            .Select(m => new { m.SegmentKey, m.EnteredAt }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.SegmentKey, m => m.EnteredAt, StringComparer.OrdinalIgnoreCase);

        // The crossing being decided may not be stored yet (the embedded home writes memberships behind): it says itself.
        if (triggerType == "segment.entered")
        {
            segments.TryAdd(triggerKey, now);
        }
        else if (triggerType == "segment.exited")
        {
            segments.Remove(triggerKey);
        }

        var since = now - RecentActivity.Window;
        var actions = (await db.Actions.AsNoTracking().Where(a => a.CustomerId == customerId && a.CreatedAt >= since)
            .Select(a => new { a.ActionType, a.CreatedAt }).ToListAsync(cancellationToken))
            .Select(a => (a.ActionType, a.CreatedAt)).ToList();
        var openApprovals = await db.Approvals.AsNoTracking().CountAsync(a => a.Status == ApprovalStatus.Pending && a.CustomerId == customerId, cancellationToken);
        var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == customerId).Select(t => t.Tag).ToListAsync(cancellationToken);
        return new RuleFacts(new SegmentFacts(segments, now), new TriggerFact(triggerType, triggerKey), new RecentActivity(actions, openApprovals, now), new TagFacts(tags));
    }

    /// <summary>Gives the customer the tags an outcome names, in the caller's unit of work; a tag already held keeps its first date.</summary>
    public static async Task TagAsync(AutomationDbContext db, string customerId, IReadOnlyCollection<string> tags, string addedBy, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            return;
        }

        var held = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == customerId && tags.Contains(t.Tag)).Select(t => t.Tag).ToListAsync(cancellationToken);
        held.AddRange(db.CustomerTags.Local.Where(t => t.CustomerId == customerId).Select(t => t.Tag));
        foreach (var tag in tags.Except(held, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            db.CustomerTags.Add(new CustomerTag { CustomerId = customerId, Tag = tag, AddedAt = now, AddedBy = addedBy.Length > 300 ? addedBy[..300] : addedBy });
        }
    }
}
