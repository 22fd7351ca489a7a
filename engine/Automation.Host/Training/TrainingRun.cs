using Automation.Engine.Scoring.Models;

namespace Automation.Host.Training;

/// <summary>
/// One training run as the API and the web app start it: the candidates trained and compared, and when a version is
/// activated, every profile scored with it as of the history's moment, so nobody waits for their next event.
/// </summary>
public sealed class TrainingRun(ModelTraining training, ProfileRescoring rescoring, ScoringMoment moment)
{
    /// <exception cref="InvalidOperationException">The stored history cannot train this model (the reason says why).</exception>
    public async Task<TrainingResult> RunAsync(TrainingRequest request, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stages = progress is null ? null : new Relay<string>(stage => progress.Report(new TrainingProgress(stage, 0, 0)));
        var outcome = await training.RunAsync(request, stages, cancellationToken);
        var asOf = await moment.AsOfAsync(cancellationToken);
        var scored = 0;
        if (outcome.Saved.Active)
        {
            progress?.Report(new TrainingProgress(TrainingStages.Scoring, 0, 0));
            var profiles = progress is null ? null : new Relay<(int Done, int Total)>(p => progress.Report(new TrainingProgress(TrainingStages.Scoring, p.Done, p.Total)));
            scored = await rescoring.RunAsync(asOf, profiles, cancellationToken);
        }

        return new TrainingResult(outcome.Saved.Id, outcome.Saved.Score, outcome.Saved.Version, outcome.Saved.Active, outcome.Trained.Metrics, outcome.Decision, scored, asOf);
    }

    /// <summary>Reports at once, in order (Progress&lt;T&gt; posts to the thread pool, so a late report could follow the end).</summary>
    private sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
