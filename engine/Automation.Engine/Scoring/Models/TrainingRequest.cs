namespace Automation.Engine.Scoring.Models;

/// <summary>
/// What to train: the score, its horizon, the threshold precision and recall are reported at, whether to activate,
/// the ROC AUC margin a new version must beat the active one by (on the same holdout), and whether to activate anyway.
/// </summary>
public sealed record TrainingRequest(string Score, int HorizonDays, double Threshold = 0.5, bool Activate = true, double Margin = ModelTrainer.DefaultMargin, bool Force = false);
