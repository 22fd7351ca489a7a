namespace Automation.Host.Training;

/// <summary>Where a training run is: its stage (<c>TrainingStages</c>) and, while scoring, profiles done of total.</summary>
public readonly record struct TrainingProgress(string Stage, int Done, int Total);
