using Automation.Engine.Audit;
using Automation.Engine.Messaging;
using Automation.Host.Access;
using Automation.Host.ErrorQueues;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>Messages consumers gave up on, with their reason; an admin sends one back to its queue or discards it (audited).</summary>
public static class ErrorQueuesApi
{
    public static void MapErrorQueuesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/error-queues").RequireAuthorization(Policies.Administer).WithTags("Error queues");
        group.MapGet("/", async (IErrorQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.ListAsync(ct)))
            .WithSummary("Messages in the error queues: queue, message type, the action concerned, the reason and when it failed");
        group.MapPost("/messages/{id}/replay", ReplayAsync).WithSummary("Send the message back to the queue it failed on")
            .Produces<ErrorQueueMessage>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/messages/{id}", DiscardAsync).WithSummary("Remove the message for good")
            .Produces<ErrorQueueMessage>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ReplayAsync(string id, HttpContext http, IErrorQueues queues, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        var replayed = await queues.ReplayAsync(id, ct);
        if (replayed is null)
        {
            return Problems.NotFound($"no message {id} in the error queues");
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (replayed is { MessageType: "DispatchAction", ActionId: { } actionId })
        {
            // Its fault marked the action failed; dispatched again, the outcome of this delivery is recorded (and the
            // reconciler watches it like any other dispatch).
            await db.Actions.Where(a => a.Id == actionId && (a.Status == ActionStatus.Failed || a.Status == ActionStatus.Unknown))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActionStatus.Dispatched).SetProperty(a => a.DispatchedAt, now), ct);
        }

        AuditLog.Write(db, http.Actor(), "error-queue.replayed", $"message/{id}", $"{replayed.MessageType} back to {replayed.Queue}; it failed with: {replayed.Reason}", now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(replayed);
    }

    private static async Task<IResult> DiscardAsync(string id, HttpContext http, IErrorQueues queues, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        var discarded = await queues.DiscardAsync(id, ct);
        if (discarded is null)
        {
            return Problems.NotFound($"no message {id} in the error queues");
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        AuditLog.Write(db, http.Actor(), "error-queue.discarded", $"message/{id}", $"{discarded.MessageType} from {discarded.Queue}; it failed with: {discarded.Reason}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(discarded);
    }
}
