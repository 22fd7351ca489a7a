using Automation.Engine.Approvals;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Api;

public static class ApprovalsApi
{
    public static void MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/approvals").RequireAuthorization(Policies.ReadPeople).WithTags("Approvals");
        group.MapGet("/", ListAsync).WithSummary("The approvers' queue with context, cost and budget")
            .Produces<IReadOnlyList<ApprovalView>>().ProducesValidationProblem();
        group.MapPost("/{id:guid}/approve", (Guid id, DecisionRequest? body, HttpContext http, ApprovalService service, CancellationToken ct) => DecideAsync(id, true, body, http, service, ct))
            .RequireAuthorization(Policies.Decide).WithSummary("Approve a request; nobody approves an action of a workflow version they published (four-eyes)")
            .Produces<ApprovalDecision>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reject", (Guid id, DecisionRequest? body, HttpContext http, ApprovalService service, CancellationToken ct) => DecideAsync(id, false, body, http, service, ct))
            .RequireAuthorization(Policies.Decide).WithSummary("Reject a request, saying why; the action is skipped")
            .Produces<ApprovalDecision>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/approve-batch", BatchAsync).RequireAuthorization(Policies.Decide)
            .WithSummary("Approve every pending request of a workflow; those the approver may not decide are listed with the reason")
            .Produces<BatchApproval>().ProducesValidationProblem();
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, TimeProvider clock, string? status, string? workflowId, Guid? groupId, CancellationToken ct)
    {
        var (filter, problem) = StatusFilter.Parse<ApprovalStatus>(status);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        // Requests in a group are decided with it (GET /api/approvals/groups); listed here only when asked for by group.
        var query = groupId is { } group ? db.Approvals.AsNoTracking().Where(a => a.GroupId == group) : db.Approvals.AsNoTracking().Where(a => a.GroupId == null);
        if (filter is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (!string.IsNullOrEmpty(workflowId))
        {
            query = query.Where(a => a.WorkflowId == workflowId);
        }

        var approvals = await query.OrderByDescending(a => a.RequestedAt).Take(500).ToListAsync(ct);
        var workflows = await db.Workflows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var publishers = await db.WorkflowVersions.AsNoTracking().Where(v => v.PublishedBy != null)
            .Select(v => new { v.WorkflowId, v.Version, v.PublishedBy }).ToListAsync(ct);
        var customers = approvals.Select(a => a.CustomerId).Distinct().ToList();
        var emails = await db.Profiles.AsNoTracking().Where(p => customers.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, p => p.Email, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var budget = options.Value.Dispatch.DailyBudgetPerWorkflow;
        var spent = new Dictionary<string, decimal>();
        foreach (var id in approvals.Select(a => a.WorkflowId).Distinct())
        {
            spent[id] = await DispatchGuards.SpentTodayAsync(db, id, now, ct);
        }

        var stepNames = await StepNames.LoadAsync(db, approvals.Select(a => (a.WorkflowId, a.WorkflowVersion)), ct);
        var links = await PersonLinks.LoadAsync(db, ct);
        var actor = http.Actor();
        var approver = http.User.IsInRole(Roles.Approver) || http.User.IsInRole(Roles.Admin);
        return TypedResults.Ok(approvals.Select(a =>
        {
            var publishedBy = publishers.FirstOrDefault(p => p.WorkflowId == a.WorkflowId && p.Version == a.WorkflowVersion)?.PublishedBy;
            var why = !approver ? "only approvers decide" : a.Status != ApprovalStatus.Pending ? $"already {a.Status.ToString().ToLowerInvariant()}" : links.CannotDecide(actor, publishedBy);
            return new ApprovalView(
                a.Id,
                a.WorkflowId,
                workflows.GetValueOrDefault(a.WorkflowId, a.WorkflowId),
                a.WorkflowVersion,
                a.ActivityId,
                stepNames.GetValueOrDefault((a.WorkflowId, a.WorkflowVersion, a.ActivityId)),
                a.InstanceId,
                a.CustomerId,
                emails.GetValueOrDefault(a.CustomerId),
                a.ActionType,
                a.Segment,
                CustomersApi.Reasons(a.ReasonsJson),
                a.EstimatedCost,
                spent[a.WorkflowId],
                Math.Max(0, budget - spent[a.WorkflowId]),
                a.Status,
                a.RequestedAt,
                a.ExpiresAt,
                a.DecidedBy,
                a.DecidedAt,
                a.Comment,
                publishedBy,
                why is null,
                why);
        }).ToList());
    }

    private static async Task<IResult> DecideAsync(Guid id, bool approve, DecisionRequest? body, HttpContext http, ApprovalService service, CancellationToken ct)
    {
        // A rejection says why (the marketer reads it on the skipped action); an approval may, and is audited either way.
        if (!approve && string.IsNullOrWhiteSpace(body?.Comment))
        {
            return Problems.Validation("comment", "say why you reject it");
        }

        if (body?.Comment is { Length: > DecisionRequest.MaxCommentLength })
        {
            return Problems.Validation("comment", $"keep the comment under {DecisionRequest.MaxCommentLength} characters");
        }

        var result = await service.DecideAsync(id, http.Actor(), approve, body?.Comment, ct);
        return result.Status switch
        {
            DecisionStatus.NotFound => Problems.NotFound(result.Why!),
            DecisionStatus.Forbidden => Problems.Forbidden(result.Why!),
            DecisionStatus.AlreadyDecided => Problems.Conflict(result.Why!),
            _ => TypedResults.Ok(new ApprovalDecision(result.Approval!.Id, result.Approval.Status, result.Approval.DecidedBy, result.Approval.DecidedAt, result.Approval.Comment)),
        };
    }

    private static async Task<IResult> BatchAsync(BatchDecisionRequest body, HttpContext http, ApprovalService service, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.WorkflowId))
        {
            return Problems.Validation("workflowId", "choose the workflow whose requests to approve");
        }

        if (body.Comment is { Length: > DecisionRequest.MaxCommentLength })
        {
            return Problems.Validation("comment", $"keep the comment under {DecisionRequest.MaxCommentLength} characters");
        }

        List<Guid> ids;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            ids = await db.Approvals.Where(a => a.WorkflowId == body.WorkflowId && a.Status == ApprovalStatus.Pending && a.GroupId == null).Select(a => a.Id).ToListAsync(ct);
        }

        var approved = 0;
        var refused = new List<RefusedApproval>();
        foreach (var id in ids)
        {
            var result = await service.DecideAsync(id, http.Actor(), true, body.Comment, ct);
            if (result.Status == DecisionStatus.Decided)
            {
                approved++;
            }
            else
            {
                refused.Add(new RefusedApproval(id, result.Why));
            }
        }

        return TypedResults.Ok(new BatchApproval(approved, refused));
    }
}
