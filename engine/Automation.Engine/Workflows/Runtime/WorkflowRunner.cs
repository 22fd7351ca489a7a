using Automation.Engine.Telemetry;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// Moves one instance through its flowchart until it waits on a bookmark or ends. Each step is journaled in the
/// caller's unit of work, so a crash mid-run replays from the last committed bookmark, never half a step.
/// </summary>
public sealed partial class WorkflowRunner(ActivityRegistry registry, WorkflowServices services, FeatureCalculator features)
{
    /// <summary>Guards against a definition that loops without ever waiting; shared by an instance and its fork's branches.</summary>
    public const int MaxStepsPerRun = 200;

    /// <summary>Runs a new instance from the definition's first activity.</summary>
    public Task RunFromStartAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance instance, CustomerProfile? profile, DateTime nowUtc, CancellationToken cancellationToken, SimulationRecorder? simulation = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Start is not { } start)
        {
            Finish(instance, WorkflowInstanceStatus.Completed, nowUtc);
            return Task.CompletedTask;
        }

        return RunAsync(db, definition, instance, start.Id, profile, nowUtc, new RunScope(simulation), cancellationToken);
    }

    /// <summary>Resumes a waiting instance by the port its bookmark fired on.</summary>
    public async Task ResumeAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance instance, string port, string summary, CustomerProfile? profile, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        var from = instance.CurrentActivityId ?? "";
        var type = definition.Activities.FirstOrDefault(a => a.Id == from)?.Type ?? "";
        db.Journal(new WorkflowStep { InstanceId = instance.Id, ActivityId = from, ActivityType = type, At = nowUtc, Port = port, Summary = summary });
        instance.Bookmark = null;
        instance.WakeAt = null;
        instance.WaitingForEvent = null;
        instance.Status = WorkflowInstanceStatus.Running;
        instance.Revision++;
        var scope = new RunScope(null);
        var next = Next(definition, from, port);
        if (next is null)
        {
            await CompleteAsync(db, definition, instance, profile, nowUtc, scope, cancellationToken);
            return;
        }

        await RunAsync(db, definition, instance, next, profile, nowUtc, scope, cancellationToken);
    }

    /// <summary>Runs until the instance waits or ends; a branch that ended lets its fork's instance know.</summary>
    private async Task RunAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance instance, string activityId, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        if (await StepAsync(db, definition, instance, activityId, profile, nowUtc, scope, cancellationToken))
        {
            await SettleBranchAsync(db, definition, instance, profile, nowUtc, scope, cancellationToken);
        }
    }

    private async Task CompleteAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance instance, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        Finish(instance, WorkflowInstanceStatus.Completed, nowUtc);
        await SettleBranchAsync(db, definition, instance, profile, nowUtc, scope, cancellationToken);
    }

    /// <summary>The step loop; true when it ended the instance, false when the instance waits (on a bookmark or at a fork whose join took over).</summary>
    private async Task<bool> StepAsync(AutomationDbContext db, WorkflowDefinition definition, WorkflowInstance instance, string activityId, CustomerProfile? profile, DateTime nowUtc, RunScope scope, CancellationToken cancellationToken)
    {
        var simulation = scope.Simulation;
        var context = new ActivityContext
        {
            Db = db,
            Definition = definition,
            Instance = instance,
            Activity = definition.Activities[0],
            Profile = profile,
            FeaturesSource = () => profile is null ? new CustomerFeatures { CustomerId = instance.CustomerId } : features.Features(profile, nowUtc),
            Scores = profile is null ? new CustomerScores() : FeatureCalculator.Scores(profile),
            Now = nowUtc,
            Services = services,
            Simulation = simulation,
        };
        // Earlier visits are read from the journal only when an activity asks (an action's idempotency key), and never
        // for a new instance or a dry run: most resumes journal a step and end without that round trip.
        var thisRun = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>? journaled = simulation is not null || db.Entry(instance).State == EntityState.Added ? [] : null;
        async Task<int> EarlierVisitsAsync(string id, CancellationToken ct)
        {
            journaled ??= await db.WorkflowSteps.AsNoTracking().Where(s => s.InstanceId == instance.Id).GroupBy(s => s.ActivityId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return journaled.GetValueOrDefault(id);
        }

        instance.Status = WorkflowInstanceStatus.Running;
        for (; scope.StepsLeft > 0; scope.StepsLeft--)
        {
            var activity = definition.Activities.FirstOrDefault(a => a.Id == activityId);
            if (activity is null || !registry.TryGet(activity.Type, out var behavior, out _))
            {
                Fault(db, instance, activityId, nowUtc, activity is null ? $"no activity '{activityId}'" : $"unknown activity type '{activity.Type}'", simulation);
                return true;
            }

            context.Activity = activity;
            var visitedThisRun = thisRun.GetValueOrDefault(activity.Id);
            thisRun[activity.Id] = visitedThisRun + 1;
            var visiting = activity.Id;
            context.VisitSource = async ct => await EarlierVisitsAsync(visiting, ct) + visitedThisRun;
            instance.CurrentActivityId = activity.Id;
            if (activity.Type != Join.TypeName || instance.ParentInstanceId is null)
            {
                simulation?.RecordEntered(activity.Id); // a join counts once, when its instance goes on, not per arriving branch
            }

            ActivityOutcome outcome;
            try
            {
                outcome = await behavior.ExecuteAsync(context, cancellationToken);
            }
            catch (Exception ex) when (!InfrastructureFaults.IsInfrastructure(ex))
            {
                // A database or network failure is not the workflow's: it goes up, and the whole batch is tried again
                // (faulting here kept the step's half-made action, written once the database answered again).
                Fault(db, instance, activity.Id, nowUtc, ex.Message, simulation);
                return true;
            }

            if (outcome.Bookmark is { } bookmark)
            {
                Journal(db, instance, activity, nowUtc, null, outcome.Summary, simulation);
                instance.Status = WorkflowInstanceStatus.Waiting;
                instance.Bookmark = bookmark.Key;
                instance.WakeAt = bookmark.WakeAt;
                instance.WaitingForEvent = bookmark.WaitingForEvent;
                return false;
            }

            if (outcome.Branches is { } branches)
            {
                Journal(db, instance, activity, nowUtc, null, outcome.Summary, simulation);
                scope.StepsLeft--;
                await ForkAsync(db, definition, instance, activity, branches, profile, nowUtc, scope, cancellationToken);
                return false;
            }

            if (outcome.Ends || outcome.Arrives || outcome.Port is null)
            {
                Journal(db, instance, activity, nowUtc, null, outcome.Summary, simulation);
                Finish(instance, WorkflowInstanceStatus.Completed, nowUtc);
                return true;
            }

            Journal(db, instance, activity, nowUtc, outcome.Port, outcome.Summary, simulation);
            simulation?.RecordPort(activity.Id, outcome.Port, instance.CustomerId);
            var next = Next(definition, activity.Id, outcome.Port);
            if (next is null)
            {
                Finish(instance, WorkflowInstanceStatus.Completed, nowUtc);
                return true;
            }

            activityId = next;
        }

        Fault(db, instance, activityId, nowUtc, $"more than {MaxStepsPerRun} steps without waiting: the workflow loops", simulation);
        return true;
    }

    private static string? Next(WorkflowDefinition definition, string from, string port) =>
        definition.Connections.FirstOrDefault(c => c.From == from && c.Port == port)?.To;

    private static void Journal(AutomationDbContext db, WorkflowInstance instance, ActivityDefinition activity, DateTime nowUtc, string? port, string summary, SimulationRecorder? simulation) =>
        Journal(db, instance, activity.Id, activity.Type, nowUtc, port, summary, simulation);

    private static void Journal(AutomationDbContext db, WorkflowInstance instance, string activityId, string activityType, DateTime nowUtc, string? port, string summary, SimulationRecorder? simulation)
    {
        if (simulation is null)
        {
            db.Journal(new WorkflowStep { InstanceId = instance.Id, ActivityId = activityId, ActivityType = activityType, At = nowUtc, Port = port, Summary = summary });
        }
    }

    private static void Fault(AutomationDbContext db, WorkflowInstance instance, string activityId, DateTime nowUtc, string reason, SimulationRecorder? simulation)
    {
        Journal(db, instance, activityId, "fault", nowUtc, null, reason, simulation);
        Finish(instance, WorkflowInstanceStatus.Faulted, nowUtc);
    }

    /// <summary>Ends the instance: no bookmark left, and the customer may enter again under the re-entry policy.</summary>
    public static void Finish(WorkflowInstance instance, WorkflowInstanceStatus status, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.Status = status;
        EngineTelemetry.WorkflowsEnded.Add(1, new KeyValuePair<string, object?>("workflow", instance.WorkflowId), new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
        instance.ActiveKey = null;
        instance.EndedAt = nowUtc;
        instance.Bookmark = null;
        instance.WakeAt = null;
        instance.WaitingForEvent = null;
    }
}
