namespace Automation.Engine.Scoring.Models;

/// <summary>The holdout metrics stored with a model version: the model's and the RFM-only baseline's, measured in the same run.</summary>
public sealed record ModelMetrics(BinaryMetrics Model, BinaryMetrics? Baseline, int TrainCustomers, DateTime TrainCutoff, DateTime HoldoutCutoff);
