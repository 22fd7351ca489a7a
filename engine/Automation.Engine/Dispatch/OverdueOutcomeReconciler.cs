using Automation.Engine.Cluster;
using Automation.Engine.Actions;
using Automation.Engine.Audit;
using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>
/// No action stays dispatched without an owner. An action whose outcome is overdue (its connector's timeout plus
/// Automation:Dispatch:OutcomeGrace after it was sent) lost its message or its outcome somewhere (an outage that
/// outlasted the budget, a message parked in an error queue, a crash). An idempotent connector's action is simply
/// sent again, a few times; any other becomes <see cref="ActionStatus.Unknown"/> and its instance waits for a
/// person's decision (<see cref="ActionResolution"/>) instead of for nothing. An outcome arriving later still settles it.
/// Time spent waiting in a backlog does not count: while an action type's queue or the outcome queue holds waiting
/// messages (<see cref="IQueueBacklog"/>), its actions are not overdue, nor for the timeout + grace after it was last seen.
/// </summary>
public sealed partial class OverdueOutcomeReconciler(
    IDbContextFactory<AutomationDbContext> databases,
    ActionCatalog catalog,
    OutboxSignal outbox,
    IQueueBacklog backlog,
    IPartitionOwnership cluster,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<OverdueOutcomeReconciler> logger) : BackgroundService
{
    public const string Actor = "system:reconciler";

    private const int BatchLimit = 500;

    private static readonly string OutcomeQueue = MassTransit.KebabCaseEndpointNameFormatter.Instance.Consumer<ActionOutcomeConsumer>();

    /// <summary>When each queue was last seen holding waiting messages.</summary>
    private readonly Dictionary<string, DateTime> lastBacklog = new(StringComparer.Ordinal);

    /// <summary>Looks once for overdue outcomes; returns how many actions were sent again and how many became unknown.</summary>
    public async Task<(int Redispatched, int Unknown)> ReconcileAsync(CancellationToken cancellationToken)
    {
        var dispatch = options.Value.Dispatch;
        var now = clock.GetUtcNow().UtcDateTime;
        var earliest = now - (catalog.All.Select(TimeoutOf).DefaultIfEmpty(TimeSpan.FromMinutes(1)).Min() + dispatch.OutcomeGrace);
        await NoteBacklogsAsync(now, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Actions.AsNoTracking()
            .Where(a => a.Status == ActionStatus.Dispatched && a.DispatchedAt < earliest)
            .OrderBy(a => a.DispatchedAt).Take(BatchLimit).ToListAsync(cancellationToken);
        var (redispatched, unknown) = (0, 0);
        foreach (var action in candidates)
        {
            var registered = catalog.TryGet(action.ActionType, out var found) ? found : null;
            var waited = now - action.DispatchedAt!.Value;
            var sinceBacklog = now - LastBacklog(RegisteredAction.QueueName(action.ActionType), action.DispatchedAt.Value);
            if (sinceBacklog < (registered is null ? TimeSpan.Zero : TimeoutOf(registered)) + dispatch.OutcomeGrace
                || await db.Outbox.AnyAsync(o => o.Body.Contains(action.Id.ToString()), cancellationToken))
            {
                continue; // not overdue for its own connector, or its command has not even left the outbox
            }

            var subject = $"action/{action.Id}";
            var resent = await db.Audit.CountAsync(e => e.Subject == subject && e.Action == "action.redispatched", cancellationToken);
            if (registered is { Descriptor.Idempotent: true } && resent < dispatch.OverdueRedispatches)
            {
                redispatched += await RedispatchAsync(db, action, waited, now, cancellationToken) ? 1 : 0;
            }
            else
            {
                unknown += await MarkUnknownAsync(db, action, waited, now, cancellationToken) ? 1 : 0;
            }
        }

        if (redispatched + unknown > 0)
        {
            LogReconciled(logger, redispatched, unknown);
            outbox.Notify();
        }

        return (redispatched, unknown);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Dispatch.ReconcileInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await cluster.LeadsAsync(ClusterJob.OverdueOutcomes, stoppingToken))
                {
                    await ReconcileAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex); // the next tick tries again (the database may be down)
            }
        }
    }

    /// <summary>Asks the bus which action queues (and the outcome queue) hold waiting messages, and remembers when.</summary>
    private async Task NoteBacklogsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var queues = catalog.All.Select(a => a.Queue).Append(OutcomeQueue).ToList();
        var waiting = await backlog.WaitingAsync(queues, cancellationToken);
        lock (lastBacklog)
        {
            foreach (var queue in waiting)
            {
                lastBacklog[queue] = now;
            }
        }
    }

    /// <summary>The later of the dispatch and the last time the action's queue or the outcome queue had a backlog.</summary>
    private DateTime LastBacklog(string queue, DateTime dispatchedAt)
    {
        lock (lastBacklog)
        {
            var latest = dispatchedAt;
            foreach (var busy in new[] { queue, OutcomeQueue })
            {
                if (lastBacklog.TryGetValue(busy, out var seen) && seen > latest)
                {
                    latest = seen;
                }
            }

            return latest;
        }
    }

    private TimeSpan TimeoutOf(RegisteredAction action) =>
        options.Value.Dispatch.ActionTimeouts.TryGetValue(action.Type, out var configured) ? configured : action.Descriptor.Timeout;

    /// <summary>Sends it again unless another process or a late outcome got there first (the update finds the row unchanged).</summary>
    private static async Task<bool> RedispatchAsync(AutomationDbContext db, ActionRecord action, TimeSpan waited, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await Unchanged(db, action).ExecuteUpdateAsync(s => s.SetProperty(a => a.DispatchedAt, now), cancellationToken) == 0)
        {
            return false;
        }

        var tracked = await db.Actions.FirstAsync(a => a.Id == action.Id, cancellationToken);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == action.CustomerId, cancellationToken);
        DispatchPipeline.Send(db, tracked, profile, now);
        AuditLog.Write(db, Actor, "action.redispatched", $"action/{action.Id}", $"no outcome {waited.TotalSeconds:0} s after dispatch; {action.ActionType} is idempotent, so it was sent again", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static async Task<bool> MarkUnknownAsync(AutomationDbContext db, ActionRecord action, TimeSpan waited, DateTime now, CancellationToken cancellationToken)
    {
        var why = $"no outcome {waited.TotalSeconds:0} s after dispatch: it may or may not have been carried out; resend, mark as sent or cancel";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await Unchanged(db, action).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActionStatus.Unknown).SetProperty(a => a.LastError, why), cancellationToken) == 0)
        {
            return false;
        }

        AuditLog.Write(db, Actor, "action.unknown", $"action/{action.Id}", why, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static IQueryable<ActionRecord> Unchanged(AutomationDbContext db, ActionRecord action) =>
        db.Actions.Where(a => a.Id == action.Id && a.Status == ActionStatus.Dispatched && a.DispatchedAt == action.DispatchedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue outcomes: {Redispatched} actions of idempotent connectors sent again, {Unknown} marked unknown for a person to resolve")]
    private static partial void LogReconciled(ILogger logger, int redispatched, int unknown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for overdue outcomes failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
