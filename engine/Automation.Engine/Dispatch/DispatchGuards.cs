using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Automation.Engine.Privacy;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Dispatch;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>
/// The checks before anything leaves, in order: consent and opt-out (incl. the suppression list), frequency cap,
/// quiet hours, budget cap, minimum ad audience size.
/// The first failure stops the chain; quiet hours hold instead of blocking.
/// </summary>
public sealed class DispatchGuards(IOptions<AutomationOptions> options, CustomerPseudonyms pseudonyms)
{
    private static readonly ActionStatus[] Counted = [ActionStatus.Dispatched, ActionStatus.Completed, ActionStatus.Held, ActionStatus.Pending];
    private static readonly ActionStatus[] Spent = [ActionStatus.AwaitingApproval, ActionStatus.Dispatched, ActionStatus.Completed, ActionStatus.Held, ActionStatus.Pending];
    private readonly DispatchOptions settings = options.Value.Dispatch;

    public async Task<GuardVerdict> CheckAsync(AutomationDbContext db, RegisteredAction action, DispatchRequest request, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        var results = new List<GuardResult>();
        var channel = action.Descriptor.Channel;
        var profile = request.Profile;

        results.Add(await ConsentAsync(db, channel, request.CustomerId, profile, cancellationToken));
        if (results[^1].Passed)
        {
            results.Add(await FrequencyAsync(db, channel, request.CustomerId, nowUtc, cancellationToken));
        }

        DateTime? hold = null;
        if (results.All(r => r.Passed))
        {
            var (quiet, until) = QuietHours(channel, profile, nowUtc);
            results.Add(quiet);
            hold = until;
        }

        if (results.All(r => r.Passed) && action.Descriptor.BudgetAffecting)
        {
            results.Add(await BudgetAsync(db, action, request.Context.WorkflowId, nowUtc, cancellationToken));
        }

        if (results.All(r => r.Passed) && settings.AudienceChannels.Contains(channel, StringComparer.OrdinalIgnoreCase))
        {
            results.Add(await AudienceSizeAsync(db, request.Context.Segment, cancellationToken));
        }

        return new GuardVerdict(results, hold);
    }

    /// <summary>
    /// Loads what the consent and frequency guards ask about these customers in two queries (see <see cref="GuardFacts"/>),
    /// for the requests of this unit of work made at <paramref name="nowUtc"/>.
    /// </summary>
    public async Task PreloadAsync(AutomationDbContext db, IReadOnlyCollection<(string CustomerId, CustomerProfile? Profile)> customers, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customers);
        var facts = new GuardFacts(nowUtc - settings.FrequencyCapWindow);
        var ids = customers.Select(c => c.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var customerHashes = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            customerHashes.Add(await pseudonyms.CustomerHashAsync(db, id, cancellationToken));
        }

        var addressHashes = new List<string>();
        foreach (var address in customers.Select(c => Suppressions.Normalize(c.Profile?.Email)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            addressHashes.Add(await pseudonyms.AddressHashAsync(db, address, cancellationToken));
        }

        var suppressed = await db.Suppressions.AsNoTracking()
            .Where(s => customerHashes.Contains(s.CustomerIdHash!) || (s.AddressHash != null && addressHashes.Contains(s.AddressHash)))
            .Select(s => new { s.CustomerIdHash, s.AddressHash, s.Reason }).ToListAsync(cancellationToken);
        foreach (var s in suppressed)
        {
            foreach (var hash in new[] { s.CustomerIdHash, s.AddressHash }.OfType<string>())
            {
                facts.Suppressed.TryAdd(hash, (s.AddressHash, s.Reason));
            }
        }

        var since = facts.Since;
        var sent = await db.Actions.AsNoTracking()
            .Where(a => ids.Contains(a.CustomerId) && a.CreatedAt >= since && Counted.Contains(a.Status))
            .GroupBy(a => new { a.CustomerId, a.Channel })
            .Select(g => new { g.Key.CustomerId, g.Key.Channel, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var s in sent)
        {
            facts.Sent[(s.CustomerId, s.Channel)] = s.Count;
        }

        facts.Customers.UnionWith(ids);
        facts.KeepIn(db);
    }

    /// <summary>
    /// Budget spent today by a workflow: its budget-affecting actions (queued for approval included) and the costs of
    /// its approval steps approved today (a gate's cost is no action, yet approving it commits the money).
    /// </summary>
    public static async Task<decimal> SpentTodayAsync(AutomationDbContext db, string? workflowId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dayStart = nowUtc.Date;
        var costs = await db.Actions.AsNoTracking()
            .Where(a => a.WorkflowId == workflowId && a.BudgetAffecting && a.CreatedAt >= dayStart && Spent.Contains(a.Status))
            .Select(a => a.EstimatedCost)
            .ToListAsync(cancellationToken);
        var approvedGates = await db.Approvals.AsNoTracking()
            .Where(a => a.WorkflowId == workflowId && a.ActionId == null && a.Status == ApprovalStatus.Approved && a.DecidedAt >= dayStart)
            .Select(a => a.EstimatedCost)
            .ToListAsync(cancellationToken);
        return costs.Sum() + approvedGates.Sum();
    }

    private async Task<GuardResult> ConsentAsync(AutomationDbContext db, string channel, string customerId, CustomerProfile? profile, CancellationToken cancellationToken)
    {
        if (channel != "email")
        {
            return new GuardResult("consent", true, "no opt-out on this channel");
        }

        if (profile?.Unsubscribed == true)
        {
            return new GuardResult("consent", false, "the customer unsubscribed from email");
        }

        // By salted hash: an entry whose owner was erased keeps only its hash, and still holds.
        var address = Suppressions.Normalize(profile?.Email);
        var addressHash = address is null ? null : await pseudonyms.AddressHashAsync(db, address, cancellationToken);
        var customerHash = await pseudonyms.CustomerHashAsync(db, customerId, cancellationToken);
        (string? AddressHash, string Reason)? suppressed;
        if (GuardFacts.Of(db, customerId) is { } facts)
        {
            suppressed = facts.Suppressed.TryGetValue(customerHash, out var byCustomer) ? byCustomer
                : addressHash is not null && facts.Suppressed.TryGetValue(addressHash, out var byAddress) ? byAddress : null;
        }
        else
        {
            var found = await db.Suppressions.AsNoTracking()
                .Where(s => s.CustomerIdHash == customerHash || (addressHash != null && s.AddressHash == addressHash))
                .Select(s => new { s.AddressHash, s.Reason }).FirstOrDefaultAsync(cancellationToken);
            suppressed = found is null ? null : (found.AddressHash, found.Reason);
        }

        if (suppressed is { } entry)
        {
            var who = entry.AddressHash is null ? $"customer {customerId}" : address;
            return new GuardResult("consent", false, $"{who} is on the suppression list{(entry.Reason.Length > 0 ? $": {entry.Reason}" : "")}");
        }

        if (address is null)
        {
            return new GuardResult("consent", false, "no email address is known for the customer");
        }

        return new GuardResult("consent", true, "subscribed and not suppressed");
    }

    private async Task<GuardResult> FrequencyAsync(AutomationDbContext db, string channel, string customerId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!settings.FrequencyCaps.TryGetValue(channel, out var cap))
        {
            return new GuardResult("frequencyCap", true, $"no cap on {channel}");
        }

        var since = nowUtc - settings.FrequencyCapWindow;
        var sent = GuardFacts.Of(db, customerId) is { } facts && facts.Since == since
            ? facts.Sent.GetValueOrDefault((customerId, channel))
            : await db.Actions.AsNoTracking()
                .CountAsync(a => a.CustomerId == customerId && a.Channel == channel && a.CreatedAt >= since && Counted.Contains(a.Status), cancellationToken);
        return sent < cap
            ? new GuardResult("frequencyCap", true, $"{sent} of {cap} {channel} actions in the last {settings.FrequencyCapWindow.TotalHours:0} h")
            : new GuardResult("frequencyCap", false, $"cap reached: {sent} of {cap} {channel} actions in the last {settings.FrequencyCapWindow.TotalHours:0} h");
    }

    private (GuardResult Result, DateTime? Until) QuietHours(string channel, CustomerProfile? profile, DateTime nowUtc)
    {
        if (settings.QuietHoursStart is not { } start || settings.QuietHoursEnd is not { } end || !settings.QuietHoursChannels.Contains(channel))
        {
            return (new GuardResult("quietHours", true, "no quiet hours on this channel"), null);
        }

        if (string.IsNullOrWhiteSpace(profile?.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var zone))
        {
            return (new GuardResult("quietHours", true, "customer time zone unknown"), null);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var quiet = start > end ? local.Hour >= start || local.Hour < end : local.Hour >= start && local.Hour < end;
        if (!quiet)
        {
            return (new GuardResult("quietHours", true, $"{local:HH:mm} in {zone.Id} is outside quiet hours"), null);
        }

        var morning = local.Date.AddHours(end);
        if (morning <= local)
        {
            morning = morning.AddDays(1);
        }

        var until = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(morning, DateTimeKind.Unspecified), zone);
        return (new GuardResult("quietHours", true, $"held: {local:HH:mm} in {zone.Id} is within quiet hours until {end:00}:00"), until);
    }

    private async Task<GuardResult> BudgetAsync(AutomationDbContext db, RegisteredAction action, string? workflowId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // Two engines checking the same workflow's budget at once would both see room for one more; the lock, held
        // until the caller's transaction ends, makes the second wait for the first one's spend.
        await db.LockUntilTransactionEndsAsync(DatabaseLock.WorkflowBudget, "budget:" + workflowId, cancellationToken);

        var spent = await SpentTodayAsync(db, workflowId, nowUtc, cancellationToken);
        var cost = action.Descriptor.EstimatedCost;
        var cap = settings.DailyBudgetPerWorkflow;
        return spent + cost <= cap
            ? new GuardResult("budgetCap", true, $"{spent + cost:0.00} of {cap:0.00} daily budget after this action")
            : new GuardResult("budgetCap", false, $"daily budget of {cap:0.00} would be exceeded: {spent:0.00} used, this action costs {cost:0.00}");
    }

    private async Task<GuardResult> AudienceSizeAsync(AutomationDbContext db, string? segmentKey, CancellationToken cancellationToken)
    {
        var segment = segmentKey is null ? null
            : await db.Segments.AsNoTracking().Where(s => s.Key == segmentKey).Select(s => new { s.Key, s.MinimumSize }).FirstOrDefaultAsync(cancellationToken);
        var minimum = segment?.MinimumSize ?? settings.MinimumAudienceSize;
        if (minimum <= 0)
        {
            return new GuardResult("audienceSize", true, "no minimum audience size");
        }

        if (segment is null)
        {
            return new GuardResult("audienceSize", false, $"the ad audience has no segment behind it to measure; ad platforms need at least {minimum} people");
        }

        var members = await db.SegmentMemberships.CountAsync(m => m.SegmentKey == segment.Key, cancellationToken);
        return members >= minimum
            ? new GuardResult("audienceSize", true, $"segment {segment.Key} has {members} members, at least {minimum}")
            : new GuardResult("audienceSize", false, $"segment {segment.Key} has {members} members; ad platforms refuse audiences under {minimum}");
    }
}
