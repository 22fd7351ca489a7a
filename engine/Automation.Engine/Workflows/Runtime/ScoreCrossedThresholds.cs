using Automation.Engine.Scoring.Models;
using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>The thresholds of published score.crossed workflows: scoring watches them for crossings.</summary>
public sealed class ScoreCrossedThresholds(DefinitionCache definitions) : IWatchedThresholds
{
    public async Task<IReadOnlyList<ScoreThreshold>> ThresholdsAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var thresholds = new List<ScoreThreshold>();
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

        return thresholds;
    }
}
