using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>A workflow's instances, what is waiting where in its published version, and one instance's path.</summary>
internal static class WorkflowInstancesApi
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder workflows)
    {
        workflows.MapGet("/{id}/instances", InstancesAsync).WithSummary("Instances with their current activity")
            .Produces<IReadOnlyList<WorkflowInstanceView>>().ProducesValidationProblem();
        workflows.MapGet("/{id}/live", LiveAsync).WithSummary("Instances waiting at each activity of the published version")
            .Produces<WorkflowLiveView>().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/instances/{id:guid}", InstanceAsync).RequireAuthorization(Policies.ReadPeople).WithTags("Workflows").WithSummary("One instance and the path it took")
            .Produces<InstanceView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> InstancesAsync(string id, string? status, int? take, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        var (filter, problem) = StatusFilter.Parse<WorkflowInstanceStatus>(status);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var query = db.WorkflowInstances.AsNoTracking().Where(i => i.WorkflowId == id);
        if (filter is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        return TypedResults.Ok(await query.OrderByDescending(i => i.StartedAt).Take(Math.Clamp(take ?? 200, 1, 2000))
            .Select(i => new WorkflowInstanceView(i.Id, i.CustomerId, i.Version, i.Status, i.CurrentActivityId, i.Bookmark, i.WakeAt, i.Branch, i.ParentInstanceId, i.ForkActivityId, i.StartedAt, i.EndedAt))
            .ToListAsync(ct));
    }

    private static async Task<IResult> LiveAsync(string id, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null)
        {
            return Problems.NotFound($"no workflow '{id}'");
        }

        var counts = await db.WorkflowInstances.AsNoTracking().Where(i => i.WorkflowId == id)
            .GroupBy(i => new { i.Status, i.CurrentActivityId }).Select(g => new { g.Key.Status, g.Key.CurrentActivityId, Count = g.Count() }).ToListAsync(ct);
        var winners = await db.SplitWinners.AsNoTracking().Where(w => w.WorkflowId == id).OrderBy(w => w.ActivityId)
            .Select(w => new SplitWinnerView(w.ActivityId, w.Port, w.ProbabilityBest, w.Summary, w.DecidedAt)).ToListAsync(ct);
        return TypedResults.Ok(new WorkflowLiveView(
            workflow.PublishedVersion,
            counts.Where(c => c.Status == WorkflowInstanceStatus.Waiting && c.CurrentActivityId != null).ToDictionary(c => c.CurrentActivityId!, c => c.Count),
            counts.Where(c => c.Status == WorkflowInstanceStatus.Running).Sum(c => c.Count),
            counts.Where(c => c.Status == WorkflowInstanceStatus.Completed).Sum(c => c.Count),
            counts.Where(c => c.Status == WorkflowInstanceStatus.Faulted).Sum(c => c.Count),
            counts.Where(c => c.Status == WorkflowInstanceStatus.Converted).Sum(c => c.Count),
            winners));
    }

    private static async Task<IResult> InstanceAsync(Guid id, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null)
        {
            return Problems.NotFound($"no instance {id}");
        }

        var steps = await db.WorkflowSteps.AsNoTracking().Where(s => s.InstanceId == id).OrderBy(s => s.Id)
            .Select(s => new InstanceStepView(s.ActivityId, s.ActivityType, s.At, s.Port, s.Summary)).ToListAsync(ct);

        // A forked instance's history reads with its branches': where each went and where it stands, without a second lookup.
        var children = await db.WorkflowInstances.AsNoTracking().Where(i => i.ParentInstanceId == id).OrderBy(i => i.StartedAt).ToListAsync(ct);
        var childIds = children.Select(c => c.Id).ToList();
        var childSteps = (await db.WorkflowSteps.AsNoTracking().Where(s => childIds.Contains(s.InstanceId)).OrderBy(s => s.Id).ToListAsync(ct))
            .ToLookup(s => s.InstanceId);
        var branches = children.Select(c => new InstanceBranchView(
            c.Id,
            c.ForkActivityId,
            childSteps[c.Id].FirstOrDefault(s => s.ActivityId == c.ForkActivityId)?.Port,
            c.Status,
            c.CurrentActivityId,
            c.Bookmark,
            c.WakeAt,
            c.StartedAt,
            c.EndedAt,
            [.. childSteps[c.Id].Select(s => new InstanceStepView(s.ActivityId, s.ActivityType, s.At, s.Port, s.Summary))])).ToList();
        return TypedResults.Ok(new InstanceView(
            instance.Id,
            instance.WorkflowId,
            instance.Version,
            instance.CustomerId,
            instance.Status,
            instance.CurrentActivityId,
            instance.Bookmark,
            instance.WakeAt,
            instance.Branch,
            instance.ParentInstanceId,
            instance.ForkActivityId,
            instance.StartedAt,
            instance.EndedAt,
            steps,
            branches));
    }
}
