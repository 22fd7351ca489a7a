namespace Automation.Engine.Scoring.Models;

/// <summary>A point of the ROC curve: the share of negatives and of positives scored at or above one threshold.</summary>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate);
