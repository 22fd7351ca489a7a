namespace Automation.Engine.Scoring.Models;

/// <summary>Customers whose predicted probability fell in [From, To): how many, what was predicted, what happened.</summary>
public sealed record CalibrationBucket(double From, double To, int Customers, double MeanPredicted, double ObservedRate);
