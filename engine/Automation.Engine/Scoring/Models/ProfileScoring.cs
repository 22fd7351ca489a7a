using Automation.Engine.Configuration;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Online scoring as part of event processing: the active models, and the thresholds to watch — those of published
/// score.crossed workflows plus any configured under Automation:Scoring:Thresholds.
/// </summary>
public sealed class ProfileScoring(ActiveScoreModels models, DefinitionCache definitions, IOptions<AutomationOptions> options)
{
    public async Task<ScoringRound> PrepareAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = await models.CurrentAsync(db, cancellationToken);
        if (active.Count == 0)
        {
            return new ScoringRound([], []);
        }

        var thresholds = options.Value.Scoring.Thresholds.SelectMany(t => t.Value.Select(v => new ScoreThreshold(t.Key, v))).ToList();
        var versions = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.Status == WorkflowVersionStatus.Published && v.TriggerType == TriggerTypes.ScoreCrossed)
            .Select(v => new { v.WorkflowId, v.Version }).ToListAsync(cancellationToken);
        foreach (var version in versions)
        {
            var trigger = (await definitions.GetAsync(db, version.WorkflowId, version.Version, cancellationToken))?.Trigger;
            if (trigger is { Score: { } score, Threshold: { } value })
            {
                thresholds.Add(new ScoreThreshold(score, value));
            }
        }

        return new ScoringRound(active, [.. thresholds.Distinct()]);
    }
}
