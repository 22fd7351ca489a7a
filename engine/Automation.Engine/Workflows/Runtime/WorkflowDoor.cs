using Automation.Engine.Audit;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Storage;
using Automation.Storage.Workflows;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// The one door into workflows for every trigger kind: a segment entry or exit and a score crossing (from the bus), an
/// event (inside the event processor's batch), and whatever kind comes next. The decision rule sets bound to the trigger
/// decide first (a suppression starts nothing and is audited with the rule that suppressed it); then every published
/// workflow whose trigger matches, and that the decision admits, starts within its re-entry policy. Writes in the
/// caller's unit of work.
/// </summary>
public sealed class WorkflowDoor(WorkflowStarter starter, CrossingDecisions decisions, FeatureCalculator calculator)
{
    public const string DecisionsActor = "decisions";

    public async Task<IReadOnlyList<WorkflowInstance>> EnterAsync(AutomationDbContext db, WorkflowEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        var decided = CrossingDecision.Open;
        if (entry.Profile is { } profile)
        {
            var features = entry.Features ?? calculator.Features(profile, entry.Now);
            var scores = entry.Scores ?? FeatureCalculator.Scores(profile);
            decided = await decisions.DecideAsync(db, entry.CustomerId, entry.Type, entry.Key, features, scores, entry.Now, cancellationToken);
            foreach (var by in decided.Tags.GroupBy(t => t.By))
            {
                await RuleFactsReader.TagAsync(db, entry.CustomerId, [.. by.Select(t => t.Tag)], by.Key, entry.Now, cancellationToken);
            }
        }

        if (decided.Suppressed)
        {
            AuditLog.Write(db, DecisionsActor, "decision.suppressed", $"customer/{entry.CustomerId}", $"{entry.Type} {entry.Key}: no workflow started, suppressed by {decided.SuppressedBy} ({decided.Summary})", entry.Now);
            return [];
        }

        return await starter.StartAsync(db, entry.Type, entry.Key, entry.Trigger, entry.CustomerId, entry.Profile, entry.Now, cancellationToken, entry.Matches, decided, entry.OnlyWorkflowId);
    }
}
