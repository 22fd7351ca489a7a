using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A saved pipeline of a calibrated linear model (the RFM logistic baseline), read as its weights: the score is the
/// bias plus each weight times its input, the probability the Platt calibrator's, and each input's contribution its
/// weight times its value, as ML.NET's own steps compute them. Scoring a profile is then a few multiplications, not a
/// prediction engine's row with its generic explainer.
/// </summary>
public sealed class LinearModelScore
{
    private readonly float[] weights;
    private readonly float bias;
    private readonly PlattCalibrator calibrator;

    private LinearModelScore(float[] weights, float bias, PlattCalibrator calibrator) =>
        (this.weights, this.bias, this.calibrator) = (weights, bias, calibrator);

    /// <summary>
    /// The linear model of a pipeline shaped as training saves the baseline (learner, Platt calibrator, contributions
    /// keeping at least as many of each sign as there are inputs); null for any other pipeline.
    /// </summary>
    public static LinearModelScore? TryRead(ITransformer transformer, int contributionsKept)
    {
        var steps = Steps(transformer).ToList();
        if (steps.Count == 3
            && steps[0] is ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> { SubModel: var linear } }
            && steps[1] is ISingleFeaturePredictionTransformer<object> { Model: PlattCalibrator platt }
            && steps[2] is FeatureContributionCalculatingTransformer
            && linear.Weights.Count <= contributionsKept)
        {
            return new LinearModelScore([.. linear.Weights], linear.Bias, platt);
        }

        return null;
    }

    public int Inputs => weights.Length;

    /// <summary>The calibrated probability; <paramref name="contributions"/> gets each input's weight times its value.</summary>
    public float Score(ReadOnlySpan<float> vector, Span<float> contributions)
    {
        // The primitives ML.NET's own linear steps use, so each figure is the same to the last bit (a plain loop's
        // sums differ in the last place for one customer in six).
        TensorPrimitives.Multiply(weights, vector, contributions);
        return calibrator.PredictProbability(bias + TensorPrimitives.Dot(weights, vector));
    }

    private static IEnumerable<ITransformer> Steps(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Steps) : [transformer];
}
