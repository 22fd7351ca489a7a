using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Fits one candidate model: the learner on the training customers, then ML.NET's Platt calibrator on the
/// calibration slice, rows the learner never saw from the latest labelled window (a learner's own calibration is
/// over-confident, and one fitted on the training window misses how the base rate moved since: on CDNOW it
/// under-predicted the middle bands by up to 0.125); then the feature contribution step, so a saved model explains its scores.
/// </summary>
public static class CandidateFit
{
    public const string Boosted = "boosted trees";
    public const string RfmLogistic = "RFM logistic regression";

    public static ITransformer Fit(MLContext ml, string candidate, IReadOnlyList<LabelledExample> examples, IReadOnlyList<LabelledExample> calibrationSlice, int featureCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(examples);
        var fit = Data(ml, examples, featureCount);
        var calibration = Data(ml, calibrationSlice, featureCount);
        return candidate == RfmLogistic
            ? Calibrated(ml, ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }), fit, calibration)
            : Calibrated(ml, ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                // Small leaves and few trees: the histories this learns from are often a few thousand customers.
                NumberOfLeaves = 16,
                NumberOfTrees = 100,
                MinimumExampleCountPerLeaf = Math.Max(10, examples.Count / 200),
                LearningRate = 0.1,
                Seed = seed,
                NumberOfThreads = 1,
            }), fit, calibration);
    }

    public static IDataView Data(MLContext ml, IEnumerable<LabelledExample> examples, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(ml);
        return ml.Data.LoadFromEnumerable(examples.Select(e => new ModelInput { Label = e.Label, Features = e.Features }).ToList(), ModelInput.Schema(featureCount));
    }

    /// <summary>One customer in four, by a hash of the id that is the same in every run: the calibration slice of the holdout window.</summary>
    public static bool Calibrates(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var hash = 2166136261u;
        foreach (var c in customerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 4 == 0;
    }

    private static ITransformer Calibrated<TModel, TCalibrator>(
        MLContext ml,
        IEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<TModel, TCalibrator>>> trainer,
        IDataView fit,
        IDataView calibration)
        where TModel : class, ICalculateFeatureContribution
        where TCalibrator : class, ICalibrator
    {
        var predictor = trainer.Fit(fit);
        var platt = ml.BinaryClassification.Calibrators.Platt().Fit(predictor.Transform(calibration));
        var contributions = ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: ModelTrainer.ReasonCount, numberOfNegativeContributions: ModelTrainer.ReasonCount, normalize: false)
            .Fit(platt.Transform(predictor.Transform(fit)));
        return predictor.Append(platt).Append(contributions);
    }
}
