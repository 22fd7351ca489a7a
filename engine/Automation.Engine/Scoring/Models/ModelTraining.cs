using Automation.Storage;
using Automation.Storage.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>A training run end to end: examples from stored history, FastTree against the RFM baseline, a new stored version.</summary>
public sealed class ModelTraining(IDbContextFactory<AutomationDbContext> databases, TrainingSetBuilder builder, ScoreModelStore store, ActiveScoreModels active)
{
    public async Task<(TrainedModel Trained, ScoreModelRecord Saved)> RunAsync(string score, int horizonDays, double threshold, bool activate, CancellationToken cancellationToken)
    {
        var set = await builder.BuildAsync(databases, score, horizonDays, cancellationToken);
        var trained = ModelTrainer.Train(set, threshold);
        var saved = await store.SaveAsync(trained, activate, cancellationToken);
        active.Invalidate();
        return (trained, saved);
    }
}
