using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Simulation;

/// <summary>
/// Dry run over stored profiles: every customer the trigger would admit now runs through the definition with waits
/// passed through and nothing written or sent; the report counts customers per activity and port, and the spend.
/// </summary>
public sealed class WorkflowSimulator(IDbContextFactory<AutomationDbContext> databases, WorkflowRunner runner, FeatureCalculator calculator, ProfileExpressionCompiler compiler, TimeProvider clock)
{
    /// <summary>Dry run of the given definition, or of the workflow's latest stored version (draft or published); null when there is neither.</summary>
    public async Task<SimulationReport?> RunAsync(string workflowId, WorkflowDefinition? definition, int days, CancellationToken cancellationToken)
    {
        if (definition is null)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var json = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId).OrderByDescending(v => v.Version).Select(v => v.DefinitionJson).FirstOrDefaultAsync(cancellationToken);
            if (json is null)
            {
                return null;
            }

            definition = WorkflowJson.Parse(json);
        }

        return await RunAsync(definition with { Id = workflowId }, days, cancellationToken);
    }

    public async Task<SimulationReport> RunAsync(WorkflowDefinition definition, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var admitted = await AdmissionAsync(db, definition, now.AddDays(-Math.Clamp(days, 1, 3650)), cancellationToken);
        var recorder = new SimulationRecorder();
        var evaluated = 0;
        var entered = 0;

        // A goal already met when the customer enters converts them at once: the marketer should know how many.
        var goal = definition.Goal?.Expression is { Length: > 0 } goalText && compiler.TryCompile(goalText, out var compiledGoal, out _) ? compiledGoal : null;
        int? atGoal = goal is null ? null : 0;
        await foreach (var profile in db.Profiles.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            evaluated++;
            var features = calculator.Features(profile, now);
            if (!admitted(profile.CustomerId, features, FeatureCalculator.Scores(profile)))
            {
                continue;
            }

            entered++;
            if (goal is not null && goal.Evaluate(features, FeatureCalculator.Scores(profile)))
            {
                atGoal++;
            }

            var instance = new WorkflowInstance { Id = Guid.NewGuid(), WorkflowId = definition.Id, Version = definition.Version, CustomerId = profile.CustomerId, TriggerJson = "{}", StartedAt = now };
            await runner.RunFromStartAsync(db, definition, instance, profile, now, cancellationToken, recorder);
        }

        db.ChangeTracker.Clear(); // a dry run writes nothing
        var actions = recorder.Actions.Select(a => new ActionEstimate(a.Key, a.Value.Count, a.Value.Cost, a.Value.NeedingApproval)).OrderBy(a => a.ActionType, StringComparer.Ordinal).ToList();
        return new SimulationReport(
            evaluated,
            entered,
            definition.Activities.Select(a => new ActivityCount(a.Id, recorder.Entered.GetValueOrDefault(a.Id), recorder.Ports.GetValueOrDefault(a.Id) ?? new Dictionary<string, int>())).ToList(),
            actions,
            actions.Sum(a => a.EstimatedCost),
            recorder.ApprovalsNeeded,
            recorder.Samples,
            atGoal);
    }

    /// <summary>Who the trigger admits: current segment members (or would-be members; a schedule's current members), score holders above the threshold, or customers with the event in the window.</summary>
    private async Task<Func<string, CustomerFeatures, CustomerScores, bool>> AdmissionAsync(AutomationDbContext db, WorkflowDefinition definition, DateTime since, CancellationToken cancellationToken)
    {
        var trigger = definition.Trigger;
        switch (trigger?.Type)
        {
            case TriggerTypes.SegmentEntered or TriggerTypes.SegmentExited:
                var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Key == trigger.Segment, cancellationToken);
                if (segment is null || !compiler.TryCompile(segment.Expression, out var expression, out _))
                {
                    return (_, _, _) => false;
                }

                var wanted = trigger.Type == TriggerTypes.SegmentEntered;
                return (_, f, s) => expression!.Evaluate(f, s) == wanted;
            case TriggerTypes.Schedule:
                // A scheduled audience starts whoever is a member when it fires: today's members.
                var members = (await db.SegmentMemberships.AsNoTracking().Where(m => m.SegmentKey == trigger.Segment).Select(m => m.CustomerId).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                return (id, _, _) => members.Contains(id);
            case TriggerTypes.ScoreCrossed:
                var threshold = trigger.Threshold ?? 0;
                var up = trigger.Direction != "down";
                return (_, _, s) => Activities.ScoreGate.Read(s, trigger.Score ?? "") is var v && (up ? v >= threshold : v < threshold);
            case TriggerTypes.Event:
                // The filter sees each stored event as it would have arrived, against the customer's profile now.
                var filter = string.IsNullOrWhiteSpace(trigger.Filter) ? null : compiler.TryCompileEventFilter(trigger.Filter, out var compiled, out _) ? compiled : null;
                if (filter is null && !string.IsNullOrWhiteSpace(trigger.Filter))
                {
                    return (_, _, _) => false;
                }

                var events = (await db.Events.AsNoTracking().Where(e => e.Type == trigger.Event && e.Timestamp >= since)
                    .Select(e => new { e.CustomerId, e.Type, e.Value, e.PropertiesJson }).ToListAsync(cancellationToken))
                    .GroupBy(e => e.CustomerId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => new TriggerEvent(e.Type, e.Value, e.PropertiesJson)).ToList(), StringComparer.Ordinal);
                return (id, f, s) => events.TryGetValue(id, out var arrived) && (filter is null || arrived.Any(e => filter.Evaluate(f, s, e)));
            default:
                return (_, _, _) => false;
        }
    }
}
