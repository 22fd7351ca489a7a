namespace Automation.Engine.Scoring.Models;

/// <summary>What a trained model gives back for a row: the calibrated probability and each feature's contribution.</summary>
public sealed class ModelOutput
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
