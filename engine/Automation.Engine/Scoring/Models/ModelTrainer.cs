using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Trains ML.NET FastTree on the training examples and measures it on the later holdout, next to a baseline
/// trained the same way on recency, frequency and monetary value alone. The saved model carries its own feature
/// contribution step, so online scoring gets reason codes from the model that decided.
/// </summary>
public static class ModelTrainer
{
    public const int ReasonCount = 3;

    public static TrainedModel Train(TrainingSet set, double threshold = 0.5, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Train.Count < 50 || set.Train.Select(e => e.Label).Distinct().Count() < 2)
        {
            throw new InvalidOperationException($"{set.Train.Count} training customers with {set.Train.Count(e => e.Label)} positives: too few to learn from (need 50, with both outcomes)");
        }

        if (set.Holdout.Count == 0)
        {
            throw new InvalidOperationException("no customers as of the holdout cut-off: the history is shorter than two horizons");
        }

        var names = ModelFeatures.AllNames;
        var ml = new MLContext(seed);
        var (model, bytes) = Fit(ml, set.Train, names.Count, withContributions: true);
        var modelScores = Predict(ml, model, set.Holdout, names.Count);

        var rfm = ModelFeatures.Rfm.Select(n => IndexOf(names, n)).ToArray();
        var baselineTrain = set.Train.Select(e => e with { Features = [.. rfm.Select(i => e.Features[i])] }).ToList();
        var baselineHoldout = set.Holdout.Select(e => e with { Features = [.. rfm.Select(i => e.Features[i])] }).ToList();
        var (baseline, _) = Fit(ml, baselineTrain, rfm.Length, withContributions: false);
        var baselineScores = Predict(ml, baseline, baselineHoldout, rfm.Length);

        var statistics = names.Select((n, i) => new FeatureStatistic(n, Math.Round(set.Train.Average(e => e.Features[i]), 3))).ToList();
        var metrics = new ModelMetrics(
            BinaryMetrics.Measure(Pair(modelScores, set.Holdout), threshold),
            BinaryMetrics.Measure(Pair(baselineScores, baselineHoldout), threshold),
            set.Train.Count,
            set.TrainCutoff,
            set.HoldoutCutoff);
        return new TrainedModel(set.Score, set.HorizonDays, bytes, statistics, metrics, ScoreDistribution.From(modelScores));
    }

    private static (ITransformer Model, byte[] Bytes) Fit(MLContext ml, IReadOnlyList<LabelledExample> examples, int featureCount, bool withContributions)
    {
        var schema = ModelInput.Schema(featureCount);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new ModelInput { Label = e.Label, Features = e.Features }), schema);

        // Small leaves and few trees: the histories this learns from are often a few thousand customers.
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 16,
            NumberOfTrees = 100,
            MinimumExampleCountPerLeaf = Math.Max(10, examples.Count / 200),
            LearningRate = 0.1,
            Seed = 7,
            NumberOfThreads = 1,
        });
        var predictor = trainer.Fit(data);
        ITransformer model = predictor;
        if (withContributions)
        {
            var contributions = ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: ReasonCount, numberOfNegativeContributions: ReasonCount, normalize: false)
                .Fit(predictor.Transform(data));
            model = predictor.Append(contributions);
        }

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return (model, stream.ToArray());
    }

    private static List<double> Predict(MLContext ml, ITransformer model, IReadOnlyList<LabelledExample> examples, int featureCount)
    {
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new ModelInput { Label = e.Label, Features = e.Features }), ModelInput.Schema(featureCount));
        return [.. ml.Data.CreateEnumerable<ProbabilityOnly>(model.Transform(data), reuseRowObject: false).Select(p => (double)p.Probability)];
    }

    private static List<(double Score, bool Label)> Pair(List<double> scores, IReadOnlyList<LabelledExample> examples) =>
        [.. scores.Select((s, i) => (s, examples[i].Label))];

    private static int IndexOf(IReadOnlyList<string> names, string name) =>
        names.Select((n, i) => (n, i)).First(x => x.n == name).i;

    private sealed class ProbabilityOnly
    {
        public float Probability { get; set; }
    }
}
