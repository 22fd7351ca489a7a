using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Online scoring as part of event processing: the active models, and the thresholds to watch — those of published
/// score.crossed workflows (<see cref="IWatchedThresholds"/>) plus any configured under Automation:Scoring:Thresholds.
/// </summary>
public sealed class ProfileScoring(ActiveScoreModels models, IEnumerable<IWatchedThresholds> watchers, IOptions<AutomationOptions> options)
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
        foreach (var watched in watchers)
        {
            thresholds.AddRange(await watched.ThresholdsAsync(db, cancellationToken));
        }

        return new ScoringRound(active, [.. thresholds.Distinct()]);
    }
}
