using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Testing.Onnx;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace Automation.Engine.Tests.Scoring.Models;

public sealed class OnnxScoringTests
{
    private static readonly string[] Mapped = [nameof(CustomerFeatures.SupportTickets30d), nameof(CustomerFeatures.EmailOpens30d), nameof(CustomerFeatures.PageViews30d)];

    [Fact]
    public async Task A_brought_onnx_model_scores_like_the_model_it_was_exported_from_and_explains_in_words()
    {
        var set = await History.TrainingSetAsync(1000, planted: true);
        var columns = Mapped.Select(n => ModelFeatures.AllNames.ToList().IndexOf(n)).ToArray();
        float[] Pick(LabelledExample e) => [.. columns.Select(i => e.Features[i])];

        // The user's own model: a logistic regression trained elsewhere (here, ML.NET) and handed over as ONNX.
        var ml = new MLContext(seed: 3);
        var data = ml.Data.LoadFromEnumerable(set.Train.Select(e => new ModelInput { Label = e.Label, Features = Pick(e) }), ModelInput.Schema(Mapped.Length));
        var regression = ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);
        var linear = ((CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>)regression.Model).SubModel;
        var onnx = OnnxLogisticModel.Create([.. linear.Weights], linear.Bias);

        var usual = Mapped.Select((n, i) => new FeatureStatistic(n, set.Train.Average(e => Pick(e)[i]))).ToList();
        using var model = new OnnxScoreModel(onnx, new OnnxMapping("features", "probability", Mapped), usual);

        var holdout = set.Holdout.Select(Pick).ToArray();
        var byOnnx = model.Run(holdout);
        var byMlNet = ml.Data.CreateEnumerable<ModelOutputProbability>(
            regression.Transform(ml.Data.LoadFromEnumerable(holdout.Select(h => new ModelInput { Features = h }), ModelInput.Schema(Mapped.Length))), false).Select(p => p.Probability).ToArray();
        Assert.All(byOnnx.Zip(byMlNet), pair => Assert.Equal(pair.Second, pair.First, 3));
        Assert.True(BinaryMetrics.AreaUnderCurve([.. byOnnx.Select((s, i) => ((double)s, set.Holdout[i].Label))]) > 0.75);

        var result = model.Score(new CustomerFeatures { SupportTickets30d = 4, EmailOpens30d = 0, PageViews30d = 2 });
        Assert.InRange(result.Value, 0.6, 1);
        Assert.Equal("Features.SupportTickets30d", result.Reasons[0].Feature);
        Assert.StartsWith("support tickets in 30 days up (4 vs ", result.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_that_does_not_fit_the_model_is_refused_with_what_the_model_has()
    {
        var onnx = OnnxLogisticModel.Create([1, 1, 1], 0);

        var wrongInput = Assert.Throws<ArgumentException>(() => new OnnxScoreModel(onnx, new OnnxMapping("x", "probability", Mapped), []));
        Assert.Contains("has features", wrongInput.Message, StringComparison.Ordinal);
        var wrongWidth = Assert.Throws<ArgumentException>(() => new OnnxScoreModel(onnx, new OnnxMapping("features", "probability", Mapped[..2]), []));
        Assert.Contains("[batch, 2]", wrongWidth.Message, StringComparison.Ordinal);
    }

    private sealed class ModelOutputProbability
    {
        public float Probability { get; set; }
    }
}
