using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// Forks and joins. Each branch is an instance of its own (ParentInstanceId, ForkActivityId), so it keeps the one
/// bookmark every wait already resumes by; the forked instance waits on "fork:{id}" until its join lets it go on.
/// </summary>
public sealed partial class WorkflowRunner
{
    public static string ForkBookmark(string forkId) => $"fork:{forkId}";

    /// <summary>
    /// One branch instance per connected port, each run right away until it waits, ends or reaches its join; then the
    /// join decides once whether the instance goes on now or waits at the fork.
    /// </summary>
    private async Task ForkAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance instance, ActivityDefinition fork, IReadOnlyList<string> branches, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        var started = new List<(WorkflowInstance Branch, string Port, string Target)>();
        foreach (var port in branches.Distinct(StringComparer.Ordinal))
        {
            if (Next(definition, fork.Id, port) is not { } target)
            {
                continue;
            }

            var branch = new WorkflowInstance
            {
                Id = Guid.CreateVersion7(),
                WorkflowId = instance.WorkflowId,
                Version = instance.Version,
                CustomerId = instance.CustomerId,
                TriggerJson = instance.TriggerJson,
                VariablesJson = instance.VariablesJson,
                Branch = instance.Branch,
                ParentInstanceId = instance.Id,
                ForkActivityId = fork.Id,
                CurrentActivityId = fork.Id,
                StartedAt = nowUtc,
                Status = WorkflowInstanceStatus.Running,
            };
            Remember(db, branch, scope);
            started.Add((branch, port, target));
        }

        if (scope.Simulation is not null)
        {
            scope.InMemory[instance.Id] = instance;
        }

        foreach (var (branch, port, target) in started)
        {
            Journal(db, branch, fork.Id, fork.Type, nowUtc, port, $"branch {port} of instance {instance.Id}", scope.Simulation);
            scope.Simulation?.RecordPort(fork.Id, port, instance.CustomerId);
            await RunAsync(db, definition, branch, target, profile, nowUtc, scope, cancellationToken);
        }

        // Only now does the instance wait at the fork: while its branches started, none of them could decide for the join.
        instance.Status = WorkflowInstanceStatus.Waiting;
        instance.Bookmark = ForkBookmark(fork.Id);
        instance.WakeAt = null;
        instance.WaitingForEvent = null;
        await JoinBranchesAsync(db, definition, instance, fork.Id, null, profile, nowUtc, scope, cancellationToken);
    }

    /// <summary>A branch ended (at its join, at an end, by a fault): the instance that forked it may go on now.</summary>
    private async Task SettleBranchAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance branch, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        if (branch.ParentInstanceId is not { } parentId || branch.ForkActivityId is not { } forkId)
        {
            return;
        }

        var parent = await FindAsync(db, parentId, scope, cancellationToken);
        if (parent is null || parent.Status != WorkflowInstanceStatus.Waiting || parent.Bookmark != ForkBookmark(forkId))
        {
            return; // still starting its branches, or already gone on (a first arrival, a cancellation)
        }

        // Every settlement writes the parent row, whose revision is the concurrency token: of two branches settling at
        // the same moment in two transactions, one commit fails and is retried, and the retry sees the other's arrival.
        parent.Revision++;
        await JoinBranchesAsync(db, definition, parent, forkId, branch, profile, nowUtc, scope, cancellationToken);
    }

    /// <summary>Applies the join: "any" goes on with the first arrival and cancels the rest; "all" once no branch is still active.</summary>
    private async Task JoinBranchesAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance parent, string forkId, WorkflowInstance? settled, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        var round = await BranchesAsync(db, parent.Id, forkId, scope, cancellationToken);
        var arrivals = round.Select(b => (Branch: b, Join: ArrivedAt(definition, b))).Where(a => a.Join is not null)
            .OrderByDescending(a => ReferenceEquals(a.Branch, settled)).ToList();
        var first = arrivals.FirstOrDefault(a => Join.ModeOf(a.Join!) == Join.Any);
        if (first.Join is { } anyJoin)
        {
            var cancelled = 0;
            foreach (var other in round.Where(IsActive))
            {
                await CancelAsync(db, other, $"{anyJoin.Id} went on with the first branch to arrive", nowUtc, scope, cancellationToken);
                cancelled++;
            }

            await ContinueFromJoinAsync(db, definition, parent, anyJoin, $"first of {round.Count} branches arrived; {cancelled} cancelled", profile, nowUtc, scope, cancellationToken);
            return;
        }

        if (round.Any(IsActive))
        {
            return;
        }

        if (arrivals.Count == 0)
        {
            Journal(db, parent, forkId, Fork.TypeName, nowUtc, null, $"all {round.Count} branches ended; none reached a join", scope.Simulation);
            await CompleteAsync(db, definition, parent, profile, nowUtc, scope, cancellationToken);
            return;
        }

        await ContinueFromJoinAsync(db, definition, parent, arrivals[0].Join!, $"{arrivals.Count} of {round.Count} branches arrived", profile, nowUtc, scope, cancellationToken);
    }

    /// <summary>The instance goes on from the join, not from where it waited: the join's step is journaled on it once.</summary>
    private async Task ContinueFromJoinAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance parent, ActivityDefinition join, string summary, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        Journal(db, parent, join, nowUtc, "done", summary, scope.Simulation);
        scope.Simulation?.RecordEntered(join.Id);
        scope.Simulation?.RecordPort(join.Id, "done", parent.CustomerId);
        parent.CurrentActivityId = join.Id;
        parent.Bookmark = null;
        parent.Status = WorkflowInstanceStatus.Running;
        if (Next(definition, join.Id, "done") is { } next)
        {
            await RunAsync(db, definition, parent, next, profile, nowUtc, scope, cancellationToken);
        }
        else
        {
            await CompleteAsync(db, definition, parent, profile, nowUtc, scope, cancellationToken);
        }
    }

    /// <summary>Ends a branch the join no longer needs, and the branches it forked in turn.</summary>
    private async Task CancelAsync(AutomationDbContext db, WorkflowInstance branch, string reason, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        var forked = branch.Bookmark is { } bookmark && bookmark.StartsWith("fork:", StringComparison.Ordinal) ? bookmark["fork:".Length..] : null;
        Journal(db, branch, branch.CurrentActivityId ?? "", "cancelled", nowUtc, null, reason, scope.Simulation);
        Finish(branch, WorkflowInstanceStatus.Cancelled, nowUtc);
        branch.Revision++;
        if (forked is not null)
        {
            foreach (var inner in (await BranchesAsync(db, branch.Id, forked, scope, cancellationToken)).Where(IsActive))
            {
                await CancelAsync(db, inner, reason, nowUtc, scope, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The branches of the fork's latest run: a fork on a loop runs again later, and the branches of one run share
    /// their start time. Stored ones come tracked (as this unit of work changed them); added ones are not stored yet.
    /// </summary>
    private static async Task<List<WorkflowInstance>> BranchesAsync(AutomationDbContext db, Guid parentId, string forkId, RunScope scope, CancellationToken cancellationToken)
    {
        bool Matches(WorkflowInstance i) => i.ParentInstanceId == parentId && i.ForkActivityId == forkId;
        List<WorkflowInstance> all;
        if (scope.Simulation is not null)
        {
            all = scope.InMemory.Values.Where(Matches).ToList();
        }
        else
        {
            var stored = await db.WorkflowInstances.Where(i => i.ParentInstanceId == parentId && i.ForkActivityId == forkId).ToListAsync(cancellationToken);
            all = stored.Concat(db.AllTracked<WorkflowInstance>(Matches)).Distinct().ToList();
        }

        if (all.Count == 0)
        {
            return all;
        }

        var latest = all.Max(i => i.StartedAt);
        return all.Where(i => i.StartedAt == latest).ToList();
    }

    private static async Task<WorkflowInstance?> FindAsync(AutomationDbContext db, Guid id, RunScope scope, CancellationToken cancellationToken) =>
        scope.Simulation is not null
            ? scope.InMemory.GetValueOrDefault(id)
            : await db.WorkflowInstances.FindAsync([id], cancellationToken);

    /// <summary>Live runs add branches to the unit of work; a dry run keeps them in memory only.</summary>
    private static void Remember(AutomationDbContext db, WorkflowInstance instance, RunScope scope)
    {
        if (scope.Simulation is not null)
        {
            scope.InMemory[instance.Id] = instance;
        }
        else
        {
            db.WorkflowInstances.Add(instance);
        }
    }

    private static ActivityDefinition? ArrivedAt(WorkflowDefinition definition, WorkflowInstance branch) =>
        branch.Status == WorkflowInstanceStatus.Completed && definition.Activities.FirstOrDefault(a => a.Id == branch.CurrentActivityId) is { Type: Join.TypeName } join ? join : null;

    private static bool IsActive(WorkflowInstance i) => i.Status is WorkflowInstanceStatus.Running or WorkflowInstanceStatus.Waiting;
}
