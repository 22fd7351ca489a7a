using Microsoft.ML;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Fits the candidates side by side on the training customers, calibrates each on one holdout customer in four and
/// measures each on the other three (<see cref="HoldoutSlices"/>): the RFM-only
/// logistic regression (log recency, frequency, spend) and boosted trees over every behavioral feature. The boosted
/// model is chosen only when its ROC AUC beats the logistic baseline's by the margin; otherwise the baseline is the
/// model, and it explains itself through its three contributions. Both come calibrated (<see cref="CandidateFit"/>).
/// </summary>
public static class ModelTrainer
{
    public const int ReasonCount = 3;
    public const double DefaultMargin = 0.005;

    public static TrainedModel Train(TrainingSet set, double threshold = 0.5, int seed = 7, double margin = DefaultMargin)
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

        var (calibrationSlice, evaluation) = HoldoutSlices(set);
        if (calibrationSlice.Count == 0 || evaluation.Count == 0)
        {
            throw new InvalidOperationException($"{set.Holdout.Count} customers as of the holdout cut-off: too few to calibrate on some and measure on the others");
        }

        var ml = new MLContext(seed);
        var candidates = new Dictionary<string, (IReadOnlyList<string> Names, ITransformer Model, List<double> Scores, BinaryMetrics Metrics)>(StringComparer.Ordinal);
        foreach (var (name, names) in new[] { (CandidateFit.RfmLogistic, ModelFeatures.Rfm), (CandidateFit.Boosted, ModelFeatures.Behavioral) })
        {
            var train = Project(set.Train, names);
            var holdout = Project(evaluation, names);
            var model = CandidateFit.Fit(ml, name, train, Project(calibrationSlice, names), names.Count, seed);
            var scores = Predict(ml, model, holdout, names.Count);
            candidates[name] = (names, model, scores, BinaryMetrics.Measure(Pair(scores, holdout), threshold));
        }

        var baseline = candidates[CandidateFit.RfmLogistic];
        var chosenName = candidates[CandidateFit.Boosted].Metrics.Auc >= baseline.Metrics.Auc + margin ? CandidateFit.Boosted : CandidateFit.RfmLogistic;
        var chosen = candidates[chosenName];
        var statistics = chosen.Names.Select(n => new FeatureStatistic(
            n,
            Math.Round(set.Train.Average(e => e.Features[IndexOf(n)]), 3),
            ScoreDistribution.From([.. set.Train.Select(e => (double)e.Features[IndexOf(n)])]))).ToList();
        using var stream = new MemoryStream();
        ml.Model.Save(chosen.Model, CandidateFit.Data(ml, Project(set.Train.Take(1).ToList(), chosen.Names), chosen.Names.Count).Schema, stream);
        var metrics = new ModelMetrics(
            chosen.Metrics,
            baseline.Metrics,
            set.Train.Count,
            set.TrainCutoff,
            set.HoldoutCutoff,
            chosenName,
            candidates.ToDictionary(c => c.Key, c => c.Value.Metrics, StringComparer.Ordinal),
            calibrationSlice.Count);
        return new TrainedModel(set.Score, set.HorizonDays, stream.ToArray(), statistics, metrics, ScoreDistribution.From(chosen.Scores));
    }

    /// <summary>
    /// The holdout split by customer: the calibration slice (one in four, see <see cref="CandidateFit.Calibrates"/>)
    /// and the customers every figure is measured on, whom neither the learner nor the calibrator saw.
    /// </summary>
    public static (List<LabelledExample> Calibration, List<LabelledExample> Evaluation) HoldoutSlices(TrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return ([.. set.Holdout.Where(e => CandidateFit.Calibrates(e.CustomerId))], [.. set.Holdout.Where(e => !CandidateFit.Calibrates(e.CustomerId))]);
    }

    /// <summary>The ROC AUC a stored ML.NET model reaches on this set's evaluation customers; null when it reads features this build does not know.</summary>
    public static double? HoldoutAuc(byte[] model, IReadOnlyList<string> names, TrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(set);
        if (names.Count == 0 || names.Any(n => !ModelFeatures.AllNames.Contains(n)))
        {
            return null;
        }

        var ml = new MLContext();
        using var stream = new MemoryStream(model);
        var loaded = ml.Model.Load(stream, out _);
        var holdout = Project(HoldoutSlices(set).Evaluation, names);
        return Math.Round(BinaryMetrics.AreaUnderCurve(Pair(Predict(ml, loaded, holdout, names.Count), holdout)), 4);
    }

    /// <summary>Examples cut down to the named features (their vectors hold <see cref="ModelFeatures.AllNames"/> in order).</summary>
    private static List<LabelledExample> Project(IReadOnlyList<LabelledExample> examples, IReadOnlyList<string> names)
    {
        var indexes = names.Select(IndexOf).ToArray();
        return [.. examples.Select(e => e with { Features = [.. indexes.Select(i => e.Features[i])] })];
    }

    private static List<double> Predict(MLContext ml, ITransformer model, IReadOnlyList<LabelledExample> examples, int featureCount) =>
        [.. ml.Data.CreateEnumerable<ProbabilityOnly>(model.Transform(CandidateFit.Data(ml, examples, featureCount)), reuseRowObject: false).Select(p => (double)p.Probability)];

    private static List<(double Score, bool Label)> Pair(List<double> scores, IReadOnlyList<LabelledExample> examples) =>
        [.. scores.Select((s, i) => (s, examples[i].Label))];

    private static int IndexOf(string name)
    {
        for (var i = 0; i < ModelFeatures.AllNames.Count; i++)
        {
            if (ModelFeatures.AllNames[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"unknown model feature '{name}'", nameof(name));
    }

    private sealed class ProbabilityOnly
    {
        public float Probability { get; set; }
    }
}
