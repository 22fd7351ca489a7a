namespace Automation.Engine.Scoring.Models;

/// <summary>Examples as of the training cut-off and, a horizon later, as of the holdout cut-off.</summary>
public sealed record TrainingSet(string Score, int HorizonDays, DateTime TrainCutoff, DateTime HoldoutCutoff, IReadOnlyList<LabelledExample> Train, IReadOnlyList<LabelledExample> Holdout);
