using System.Text.Json;
using Automation.Engine.Audit;
using Automation.Engine.Dispatch;
using Automation.Engine.Messaging;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class ActionsApi
{
    public static void MapActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/actions").RequireAuthorization(Policies.ReadPeople).WithTags("Actions");
        group.MapGet("/", ListAsync).WithSummary("The dispatch log: every action, its guard results, plugin, outcome and attempts")
            .Produces<IReadOnlyList<ActionView>>().ProducesValidationProblem();
        group.MapPost("/{id:guid}/retry", RetryAsync).RequireAuthorization(Policies.Administer).WithSummary("Dispatch a failed action again")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/resend", ResendAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Send an action whose outcome is unknown (or that failed) again; force=true carries it out again even if its connector had")
            .Produces<ActionView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/mark-sent", (Guid id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, ActionResolution resolution, OutboxSignal outbox, CancellationToken ct) =>
                SettleAsync(id, databases, outbox, (db, a) => resolution.MarkSentAsync(db, a, http.Actor(), ct), ct))
            .RequireAuthorization(Policies.Administer).WithSummary("Record an action whose outcome is unknown as sent; its instance goes on by 'done'")
            .Produces<ActionView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/cancel", (Guid id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, ActionResolution resolution, OutboxSignal outbox, CancellationToken ct) =>
                SettleAsync(id, databases, outbox, (db, a) => resolution.CancelAsync(db, a, http.Actor(), ct), ct))
            .RequireAuthorization(Policies.Administer).WithSummary("Cancel an action whose outcome is unknown; its instance goes on by 'skipped'")
            .Produces<ActionView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static ActionView View(ActionRecord a) => new(
        a.Id,
        a.InstanceId,
        a.ActionType,
        a.Channel,
        a.Plugin,
        a.CustomerId,
        a.WorkflowId,
        a.WorkflowVersion,
        a.ActivityId,
        a.Status,
        JsonSerializer.Deserialize<List<GuardResult>>(a.GuardResultsJson, MessageTypes.Json),
        a.BudgetAffecting,
        a.EstimatedCost,
        a.Attempts,
        a.LastError,
        a.Detail,
        a.CreatedAt,
        a.HeldUntil,
        a.DispatchedAt,
        a.CompletedAt,
        JsonSerializer.Deserialize<JsonElement>(a.InputJson));

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, string? status, string? customerId, string? workflowId, int? take, CancellationToken ct)
    {
        var (filter, problem) = StatusFilter.Parse<ActionStatus>(status);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var query = db.Actions.AsNoTracking();
        if (filter is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (!string.IsNullOrEmpty(customerId))
        {
            query = query.Where(a => a.CustomerId == customerId);
        }

        if (!string.IsNullOrEmpty(workflowId))
        {
            query = query.Where(a => a.WorkflowId == workflowId);
        }

        var actions = await query.OrderByDescending(a => a.CreatedAt).Take(Math.Clamp(take ?? 200, 1, 2000)).ToListAsync(ct);
        return TypedResults.Ok(actions.Select(View).ToList());
    }

    private static async Task<IResult> RetryAsync(Guid id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, OutboxSignal outbox, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return Problems.NotFound($"no action {id}");
        }

        if (action.Status != ActionStatus.Failed)
        {
            return Problems.Conflict($"only failed actions can be retried; this one is {action.Status.ToString().ToLowerInvariant()}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.CustomerId == action.CustomerId, ct);
        DispatchPipeline.Send(db, action, profile, now);
        AuditLog.Write(db, http.Actor(), "action.retried", $"action/{id}", action.LastError ?? "", now);
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        return TypedResults.Accepted($"/api/actions?customerId={action.CustomerId}");
    }

    private static Task<IResult> ResendAsync(Guid id, bool? force, HttpContext http, IDbContextFactory<AutomationDbContext> databases, ActionResolution resolution, OutboxSignal outbox, CancellationToken ct) =>
        SettleAsync(id, databases, outbox, (db, a) => resolution.ResendAsync(db, a, force ?? false, http.Actor(), ct), ct);

    /// <summary>Loads the action, lets the resolution decide (null, or why it refused) and saves its decision in one go.</summary>
    private static async Task<IResult> SettleAsync(Guid id, IDbContextFactory<AutomationDbContext> databases, OutboxSignal outbox, Func<AutomationDbContext, ActionRecord, Task<string?>> decide, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return Problems.NotFound($"no action {id}");
        }

        if (await decide(db, action) is { } refused)
        {
            return Problems.Conflict(refused);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        outbox.Notify();
        return TypedResults.Ok(View(action));
    }
}
