namespace Automation.Engine.Scoring.Models;

/// <summary>One model input: its training mean, today's mean, and the population stability index of today's values against training's.</summary>
public sealed record FeatureDrift(string Name, double TrainingMean, double CurrentMean, double? Psi);
