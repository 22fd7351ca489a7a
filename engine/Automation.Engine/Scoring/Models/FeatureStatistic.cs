namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A model input by name with its mean over the training customers ("usual" in reason codes) and, for trained
/// models, the decile edges of its training values, the reference its drift (PSI) is measured against.
/// </summary>
public sealed record FeatureStatistic(string Name, double Mean, ScoreDistribution? Distribution = null);
