namespace Automation.Engine.Scoring.Models;

/// <summary>
/// The holdout metrics stored with a model version: the chosen candidate's and the RFM-only logistic baseline's,
/// measured on the same time split, with every candidate's by name, which one was chosen, and how many holdout
/// customers calibrated the probabilities (they are left out of every figure).
/// </summary>
public sealed record ModelMetrics(
    BinaryMetrics Model,
    BinaryMetrics? Baseline,
    int TrainCustomers,
    DateTime TrainCutoff,
    DateTime HoldoutCutoff,
    string? Chosen = null,
    IReadOnlyDictionary<string, BinaryMetrics>? Candidates = null,
    int CalibrationCustomers = 0);
