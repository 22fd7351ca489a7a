using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Fits one candidate model: the learner on three quarters of the training customers, then ML.NET's Platt
/// calibrator on the other quarter, which the learner never saw (a learner's own calibration, fitted on its
/// training rows, is over-confident); then the feature contribution step, so a saved model explains its scores.
/// </summary>
public static class CandidateFit
{
    public const string Boosted = "boosted trees";
    public const string RfmLogistic = "RFM logistic regression";

    public static ITransformer Fit(MLContext ml, string candidate, IReadOnlyList<LabelledExample> examples, int featureCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(examples);
        var fit = Data(ml, examples.Where(e => !Calibrates(e.CustomerId)), featureCount);
        var calibration = Data(ml, examples.Where(e => Calibrates(e.CustomerId)), featureCount);
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

    /// <summary>One customer in four, by a hash of the id that is the same in every run.</summary>
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
