using Automation.Storage.Scoring;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A training run's result: the model, the stored version, the active version's ROC AUC on the same holdout (null
/// when none was active or it cannot be measured), and why the new version was or was not activated, in words.
/// </summary>
public sealed record TrainingOutcome(TrainedModel Trained, ScoreModelRecord Saved, double? ActiveAuc, string Decision)
{
    public void Deconstruct(out TrainedModel trained, out ScoreModelRecord saved)
    {
        trained = Trained;
        saved = Saved;
    }
}
