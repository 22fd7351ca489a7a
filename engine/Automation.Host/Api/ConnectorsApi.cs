using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class ConnectorsApi
{
    public static void MapConnectorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/connectors", ListAsync).RequireAuthorization().WithTags("Plugins")
            .WithSummary("Each action type's connector: batch size, rate limit, the queue of dispatched actions and its expected drain time");
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<List<ConnectorQueueView>>> ListAsync(
        ActionCatalog catalog, ConnectorThrottles throttles, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var queued = await db.Actions.AsNoTracking().Where(a => a.Status == ActionStatus.Dispatched)
            .GroupBy(a => a.ActionType).Select(g => new { Type = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Type, g => g.Count, StringComparer.Ordinal, ct);
        return TypedResults.Ok(catalog.All.Select(action =>
        {
            var throttle = throttles.For(action.Type);
            var batch = typeof(BatchActionHandler).IsAssignableFrom(action.Descriptor.HandlerType) ? action.Descriptor.BatchSize : (int?)null;
            var waiting = queued.GetValueOrDefault(action.Type);
            var limit = throttle.Limit;
            // A permit per call drains a batch's worth of actions at once.
            var actionsPerSecond = limit is null ? (double?)null : limit.PerSecond * (limit.Unit == RateLimitUnit.Calls ? batch ?? 1 : 1);
            return new ConnectorQueueView(
                action.Type,
                action.Plugin,
                batch,
                limit?.ToString(),
                limit?.PerSecond,
                waiting,
                throttle.Waiting,
                actionsPerSecond is { } rate ? Math.Round(waiting / rate, 1) : null);
        }).ToList());
    }
}
