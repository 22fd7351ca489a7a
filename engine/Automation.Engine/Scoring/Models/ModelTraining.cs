using System.Globalization;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A training run end to end: examples from stored history, the candidates against the RFM baseline, a new stored
/// version, activated only when it beats the active version on the same holdout by the margin (or when forced).
/// </summary>
public sealed class ModelTraining(IDbContextFactory<AutomationDbContext> databases, TrainingSetBuilder builder, ScoreModelStore store, ActiveScoreModels active)
{
    public async Task<TrainingOutcome> RunAsync(string score, int horizonDays, double threshold, bool activate, CancellationToken cancellationToken) =>
        await RunAsync(new TrainingRequest(score, horizonDays, threshold, activate), cancellationToken);

    public Task<TrainingOutcome> RunAsync(TrainingRequest request, CancellationToken cancellationToken) => RunAsync(request, null, cancellationToken);

    /// <summary>The same, saying which stage it is in (<see cref="TrainingStages"/>) for a progress display.</summary>
    public async Task<TrainingOutcome> RunAsync(TrainingRequest request, IProgress<string>? stages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        stages?.Report(TrainingStages.Examples);
        var set = await builder.BuildAsync(databases, request.Score, request.HorizonDays, cancellationToken);
        stages?.Report(TrainingStages.Fitting);
        var trained = ModelTrainer.Train(set, request.Threshold, margin: request.Margin);
        var (activeAuc, decision, activate) = await DecideAsync(request, set, trained.Metrics.Model.Auc, cancellationToken);
        var saved = await store.SaveAsync(trained, activate, cancellationToken);
        active.Invalidate();
        return new TrainingOutcome(trained, saved, activeAuc, decision);
    }

    private async Task<(double? ActiveAuc, string Decision, bool Activate)> DecideAsync(TrainingRequest request, TrainingSet set, double auc, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var current = await db.ScoreModels.AsNoTracking().FirstOrDefaultAsync(m => m.Score == request.Score && m.Active, cancellationToken);
        var currentAuc = current is { Kind: ScoreModelStore.FastTree } ? ModelTrainer.HoldoutAuc(current.Model, [.. ScoreModelStore.Features(current).Select(f => f.Name)], set) : null;
        var margin = request.Margin.ToString("0.000", CultureInfo.InvariantCulture);
        var versus = current is null ? "" : currentAuc is { } a
            ? $"ROC AUC {auc.ToString("0.000", CultureInfo.InvariantCulture)} vs {a.ToString("0.000", CultureInfo.InvariantCulture)} for active version {current.Version} on this split"
            : $"active version {current.Version} ({current.Kind}) cannot be measured on this split";
        if (!request.Activate)
        {
            return (currentAuc, "not activated (--no-activate)", false);
        }

        if (current is null)
        {
            return (null, "activated (no version was active)", true);
        }

        if (request.Force)
        {
            return (currentAuc, $"activated (forced; {versus})", true);
        }

        return currentAuc is { } measured && auc >= measured + request.Margin
            ? (currentAuc, $"activated ({versus}, margin {margin})", true)
            : (currentAuc, $"not activated ({versus}; it must beat the active version by {margin}; --force activates it)", false);
    }
}
