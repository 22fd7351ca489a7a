using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", DashboardAsync).RequireAuthorization(Policies.Report).WithTags("Operations")
            .WithSummary("Events per minute (received) and per day over 90 days (by their timestamps), actions by status, approvals waiting, conversion by segment, holdout uplift per workflow")
            .Produces<Dashboard>();
        app.MapGet("/api/segments/{key}/history", HistoryAsync).RequireAuthorization(Policies.Report).WithTags("Segments")
            .WithSummary("The segment's size per day: the daily snapshots of the RFM job (in a fresh demo also replayed from the seeded history), today's point the live size")
            .Produces<IReadOnlyList<SegmentSizeOnDay>>();
    }

    private static async Task<IResult> DashboardAsync(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddMinutes(-60);
        var received = await db.Events.AsNoTracking().Where(e => e.ReceivedAt >= since).Select(e => e.ReceivedAt).ToListAsync(ct);
        var perMinute = Enumerable.Range(0, 60).Select(i => since.AddMinutes(i))
            .Select(m => new EventsInMinute(m, received.Count(r => r >= m && r < m.AddMinutes(1)))).ToList();
        var perDay = await EventsPerDayAsync(db, now, ct);
        var actions = await db.Actions.AsNoTracking().GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var approvals = await db.Approvals.CountAsync(a => a.Status == ApprovalStatus.Pending, ct);

        // Converted: bought after entering the segment (or after starting the workflow), or reached the workflow's goal.
        var conversion = await (from m in db.SegmentMemberships.AsNoTracking()
                                join p in db.Profiles.AsNoTracking() on m.CustomerId equals p.CustomerId
                                group new { m, p } by m.SegmentKey into g
                                select new { segment = g.Key, members = g.Count(), converted = g.Count(x => x.p.LastPurchaseAt > x.m.EnteredAt) }).ToListAsync(ct);
        var uplift = await (from i in db.WorkflowInstances.AsNoTracking()
                            where i.Branch != null && i.ParentInstanceId == null
                            join p in db.Profiles.AsNoTracking() on i.CustomerId equals p.CustomerId
                            group new { i, p } by i.WorkflowId into g
                            select new
                            {
                                workflowId = g.Key,
                                treated = g.Count(x => x.i.Branch != "holdout"),
                                treatedConverted = g.Count(x => x.i.Branch != "holdout" && (x.i.Status == WorkflowInstanceStatus.Converted || x.p.LastPurchaseAt > x.i.StartedAt)),
                                holdout = g.Count(x => x.i.Branch == "holdout"),
                                holdoutConverted = g.Count(x => x.i.Branch == "holdout" && (x.i.Status == WorkflowInstanceStatus.Converted || x.p.LastPurchaseAt > x.i.StartedAt)),
                            }).ToListAsync(ct);
        var segmentNames = await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Name, ct);
        var workflowNames = await db.Workflows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return TypedResults.Ok(new Dashboard(
            perMinute,
            perDay,
            actions.ToDictionary(a => a.Key.ToString().ToLowerInvariant(), a => a.Count),
            approvals,
            [.. conversion.Select(c => new SegmentConversion(c.segment, segmentNames.GetValueOrDefault(c.segment) ?? c.segment, c.members, c.converted, c.members == 0 ? 0 : (double)c.converted / c.members))],
            [.. uplift.Select(u => new WorkflowUplift(
                u.workflowId,
                workflowNames.GetValueOrDefault(u.workflowId) ?? u.workflowId,
                u.treated,
                u.treatedConverted,
                u.holdout,
                u.holdoutConverted,
                u.treated == 0 || u.holdout == 0 ? null : ((double)u.treatedConverted / u.treated) - ((double)u.holdoutConverted / u.holdout)))]));
    }

    /// <summary>The last 90 days by the events' own timestamps (an import's history has shape), every day present.</summary>
    private static async Task<List<EventsOnDay>> EventsPerDayAsync(AutomationDbContext db, DateTime now, CancellationToken ct)
    {
        var first = now.Date.AddDays(-89);
        var counts = await db.Events.AsNoTracking().Where(e => e.Timestamp >= first).GroupBy(e => e.Timestamp.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Day, g => g.Count, ct);
        return [.. Enumerable.Range(0, 90).Select(i => first.AddDays(i)).Select(day => new EventsOnDay(day, counts.GetValueOrDefault(day)))];
    }

    private static async Task<IResult> HistoryAsync(string key, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var days = await db.SegmentSizeSnapshots.AsNoTracking().Where(s => s.SegmentKey == key && s.Day < today).OrderBy(s => s.Day).Select(s => new SegmentSizeOnDay(s.Day, s.Size)).ToListAsync(ct);

        // Today is the live size, as the segment list shows it; today's snapshot is only as fresh as the last RFM run.
        if (await db.Segments.AnyAsync(s => s.Key == key, ct))
        {
            days.Add(new SegmentSizeOnDay(today, await db.SegmentMemberships.CountAsync(m => m.SegmentKey == key, ct)));
        }

        return TypedResults.Ok(days);
    }
}
