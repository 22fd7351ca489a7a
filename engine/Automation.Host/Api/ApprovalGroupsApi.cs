using Automation.Engine.Approvals;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Api;

/// <summary>Grouped approvals: many customers of one workflow step, decided in one go.</summary>
public static class ApprovalGroupsApi
{
    private const int SampleSize = 20;
    private const int MembersShown = 500;

    public static void MapApprovalGroupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/approvals/groups").RequireAuthorization(Policies.ReadPeople).WithTags("Approvals");
        group.MapGet("/", ListAsync).WithSummary("Grouped approvals with audience size, a sample of customers, total cost and budget")
            .Produces<IReadOnlyList<ApprovalGroupView>>().ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One grouped approval with up to 500 of its customers")
            .Produces<ApprovalGroupView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/approve", (Guid id, GroupDecisionRequest? body, HttpContext http, ApprovalGroupService service, CancellationToken ct) => DecideAsync(id, true, body, http, service, ct))
            .RequireAuthorization(Policies.Decide).WithSummary("Approve the group, less the customers in remove (rejected as removed); four-eyes applies")
            .Produces<GroupDecisionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reject", (Guid id, GroupDecisionRequest? body, HttpContext http, ApprovalGroupService service, CancellationToken ct) => DecideAsync(id, false, body, http, service, ct))
            .RequireAuthorization(Policies.Decide).WithSummary("Reject the whole group, saying why; none of its actions goes out")
            .Produces<GroupDecisionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, TimeProvider clock, string? status, string? workflowId, CancellationToken ct)
    {
        var (filter, problem) = StatusFilter.Parse<ApprovalStatus>(status);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var query = db.ApprovalGroups.AsNoTracking();
        query = filter is { } s ? query.Where(g => g.Status == s) : query;
        query = string.IsNullOrEmpty(workflowId) ? query : query.Where(g => g.WorkflowId == workflowId);
        var groups = await query.OrderByDescending(g => g.OpenedAt).Take(100).ToListAsync(ct);
        var views = new List<ApprovalGroupView>();
        foreach (var g in groups)
        {
            views.Add(await ViewAsync(db, g, SampleSize, http, options.Value, clock, ct));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var g = await db.ApprovalGroups.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return g is null ? Problems.NotFound($"no approval group {id}") : TypedResults.Ok(await ViewAsync(db, g, MembersShown, http, options.Value, clock, ct));
    }

    private static async Task<ApprovalGroupView> ViewAsync(AutomationDbContext db, ApprovalGroup g, int shown, HttpContext http, AutomationOptions options, TimeProvider clock, CancellationToken ct)
    {
        var members = db.Approvals.AsNoTracking().Where(a => a.GroupId == g.Id);
        var size = await members.CountAsync(ct);
        var total = (await members.Where(a => a.Status == ApprovalStatus.Pending || a.Status == ApprovalStatus.Approved).Select(a => a.EstimatedCost).ToListAsync(ct)).Sum();
        var sample = await members.OrderBy(a => a.CustomerId).Take(shown).ToListAsync(ct);
        var ids = sample.Select(a => a.CustomerId).ToList();
        var emails = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, p => p.Email, ct);
        var spent = await DispatchGuards.SpentTodayAsync(db, g.WorkflowId, clock.GetUtcNow().UtcDateTime, ct);
        var name = await db.Workflows.AsNoTracking().Where(w => w.Id == g.WorkflowId).Select(w => w.Name).FirstOrDefaultAsync(ct);
        var publishedBy = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == g.WorkflowId && v.Version == g.WorkflowVersion).Select(v => v.PublishedBy).FirstOrDefaultAsync(ct);
        var stepNames = await StepNames.LoadAsync(db, [(g.WorkflowId, g.WorkflowVersion)], ct);
        var links = await PersonLinks.LoadAsync(db, ct);
        var approver = http.User.IsInRole(Roles.Approver) || http.User.IsInRole(Roles.Admin);
        var why = !approver ? "only approvers decide" : g.Status != ApprovalStatus.Pending ? $"already {g.Status.ToString().ToLowerInvariant()}" : links.CannotDecide(http.Actor(), publishedBy);
        return new ApprovalGroupView(
            g.Id, g.WorkflowId, name ?? g.WorkflowId, g.WorkflowVersion, g.ActivityId, stepNames.GetValueOrDefault((g.WorkflowId, g.WorkflowVersion, g.ActivityId)), g.ActionType, size,
            [.. sample.Select(a => new GroupMemberView(a.Id, a.CustomerId, emails.GetValueOrDefault(a.CustomerId), CustomersApi.Reasons(a.ReasonsJson), a.EstimatedCost, a.Status, a.Comment))],
            total, spent, Math.Max(0, options.Dispatch.DailyBudgetPerWorkflow - spent), g.Status, g.OpenedAt, g.ExpiresAt, g.DecidedBy, g.DecidedAt, g.Comment, publishedBy, why is null, why);
    }

    private static async Task<IResult> DecideAsync(Guid id, bool approve, GroupDecisionRequest? body, HttpContext http, ApprovalGroupService service, CancellationToken ct)
    {
        if (!approve && string.IsNullOrWhiteSpace(body?.Comment))
        {
            return Problems.Validation("comment", "say why you reject the group");
        }

        if (body?.Comment is { Length: > DecisionRequest.MaxCommentLength })
        {
            return Problems.Validation("comment", $"keep the comment under {DecisionRequest.MaxCommentLength} characters");
        }

        if (body?.Remove is { } remove && (remove.Count > GroupDecisionRequest.MaxRemoved || remove.Any(string.IsNullOrWhiteSpace)))
        {
            return Problems.Validation("remove", $"list at most {GroupDecisionRequest.MaxRemoved} customer ids, none empty");
        }

        if (!approve && body?.Remove is { Count: > 0 })
        {
            return Problems.Validation("remove", "a rejection takes every customer out already; remove customers when approving");
        }

        var result = await service.DecideAsync(new GroupDecision(id, http.Actor(), approve, body?.Comment, body?.Remove ?? []), ct);
        return result.Status switch
        {
            DecisionStatus.NotFound => Problems.NotFound(result.Why!),
            DecisionStatus.Forbidden => Problems.Forbidden(result.Why!),
            DecisionStatus.AlreadyDecided => Problems.Conflict(result.Why!),
            _ => TypedResults.Ok(new GroupDecisionView(result.Group!.Id, result.Group.Status, result.Group.DecidedBy, result.Group.DecidedAt, result.Group.Comment, result.Approved, result.Rejected, result.Removed)),
        };
    }
}
