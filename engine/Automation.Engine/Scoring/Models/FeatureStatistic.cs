namespace Automation.Engine.Scoring.Models;

/// <summary>A model input by name with its mean over the training customers ("usual" in reason codes).</summary>
public sealed record FeatureStatistic(string Name, double Mean);
