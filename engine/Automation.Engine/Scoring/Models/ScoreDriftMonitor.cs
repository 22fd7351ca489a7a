using Automation.Engine.Configuration;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Scores today's customers with each active model and compares the distribution with the one the model produced
/// when it was made (population stability index). The day's figure is kept; above the warning level it is logged
/// as a warning and flagged in the models API.
/// </summary>
public sealed partial class ScoreDriftMonitor(
    IDbContextFactory<AutomationDbContext> databases,
    ActiveScoreModels active,
    FeatureCalculator calculator,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<ScoreDriftMonitor> logger)
{
    public async Task<IReadOnlyList<DriftResult>> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var models = await active.CurrentAsync(db, cancellationToken);
        if (models.Count == 0)
        {
            return [];
        }

        var scores = models.ToDictionary(m => m.Id, _ => new List<double>());
        await foreach (var p in db.Profiles.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var features = calculator.Features(p, now);
            foreach (var model in models)
            {
                scores[model.Id].Add(model.Model.Score(features).Value);
            }
        }

        var results = new List<DriftResult>();
        foreach (var model in models)
        {
            var record = await db.ScoreModels.AsNoTracking().FirstAsync(m => m.Id == model.Id, cancellationToken);
            var psi = Math.Round(ScoreModelStore.Distribution(record).Psi(scores[model.Id]), 4);
            var warning = psi > options.Value.Scoring.DriftWarning;
            results.Add(new DriftResult(model.Id, model.Score, model.Version, psi, scores[model.Id].Count, warning));
            var snapshot = await db.ScoreDrift.FirstOrDefaultAsync(d => d.ModelId == model.Id && d.Day == now.Date, cancellationToken);
            if (snapshot is null)
            {
                db.ScoreDrift.Add(snapshot = new ScoreDriftSnapshot { ModelId = model.Id, Day = now.Date });
            }

            snapshot.Psi = psi;
            snapshot.Customers = scores[model.Id].Count;
            if (warning)
            {
                LogDrift(logger, model.Score, model.Version, psi, options.Value.Scoring.DriftWarning);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Score drift: {Score} model v{Version} has a population stability index of {Psi} against its training distribution (warning above {Limit}); consider retraining")]
    private static partial void LogDrift(ILogger logger, string score, int version, double psi, double limit);
}
