using Automation.Engine.Scoring.Models;
using Automation.Engine.Tests.Scoring.Models;
using Automation.Engine.Tests.Support;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Automation.Engine.Tests.Cdnow;

public sealed class CdnowModelTests(ITestOutputHelper output)
{
    [Fact]
    public async Task On_the_real_cdnow_history_the_chosen_churn_model_is_at_least_as_good_as_rfm_logistic_and_calibrated_in_every_decile()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await CdnowHistory.ImportAsync(database);

        var set = await Scoring.Models.History.Builder().BuildAsync(database, ScoreTargets.ChurnRisk, 90, CancellationToken.None);
        var trained = ModelTrainer.Train(set);

        var m = trained.Metrics;
        Report(m);
        Assert.Equal(new DateTime(1998, 1, 1, 0, 0, 0, DateTimeKind.Utc), m.TrainCutoff);
        Assert.Equal(new DateTime(1998, 4, 1, 0, 0, 0, DateTimeKind.Utc), m.HoldoutCutoff);
        Assert.Equal(23_570, m.Model.Customers + m.CalibrationCustomers);
        Assert.InRange(m.CalibrationCustomers, 23_570 / 5, 23_570 / 3);
        Assert.True(m.Baseline!.Auc > 0.8, $"RFM logistic ROC AUC {m.Baseline.Auc}");
        Assert.True(m.Model.Auc >= m.Baseline.Auc - 0.005, $"{m.Chosen} ROC AUC {m.Model.Auc} vs RFM baseline {m.Baseline.Auc}");
        Assert.Equal(2, m.Candidates!.Count);

        // Deciles: ten equal groups of evaluation customers ranked by predicted churn, as in top-decile lift.
        var deciles = m.Model.Deciles!;
        Assert.Equal(10, deciles.Count);
        Assert.All(deciles.Where(d => d.Customers >= 100), d => Assert.True(Math.Abs(d.ObservedRate - d.MeanPredicted) <= 0.05, $"decile {d.From:0.000}–{d.To:0.000}: predicted {d.MeanPredicted}, observed {d.ObservedRate}"));

        // Fixed 0.1 bands of predicted probability; a band of 150 customers has a standard error near 0.035 by itself.
        var crowded = m.Model.Calibration.Where(b => b.Customers >= 200).ToList();
        Assert.True(crowded.Count >= 8, $"{crowded.Count} bands hold 200 customers or more");
        Assert.All(crowded, b => Assert.True(Math.Abs(b.ObservedRate - b.MeanPredicted) <= 0.05, $"{b.From:0.0}–{b.To:0.0}: predicted {b.MeanPredicted}, observed {b.ObservedRate}"));
    }

    [Fact]
    public async Task On_the_real_cdnow_history_the_rfm_baseline_scored_from_its_weights_gives_exactly_what_the_ml_net_pipeline_predicts()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await CdnowHistory.ImportAsync(database);
        var set = await Scoring.Models.History.Builder().BuildAsync(database, ScoreTargets.ChurnRisk, 90, CancellationToken.None);
        var trained = ModelTrainer.Train(set);
        Assert.Equal(CandidateFit.RfmLogistic, trained.Metrics.Chosen);

        var ml = new MLContext();
        using var stream = new MemoryStream(trained.Model);
        var pipeline = ml.Model.Load(stream, out _);
        using var engine = ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(pipeline, inputSchemaDefinition: ModelInput.Schema(trained.Features.Count));
        var linear = LinearModelScore.TryRead(pipeline, ModelTrainer.ReasonCount);
        Assert.NotNull(linear);

        // Every customer of both windows, plus the edges: nothing bought, and far beyond anything seen.
        var indexes = trained.Features.Select(f => ModelFeatures.AllNames.ToList().IndexOf(f.Name)).ToArray();
        var vectors = set.Train.Concat(set.Holdout).Select(e => indexes.Select(i => e.Features[i]).ToArray())
            .Append(new float[indexes.Length]).Append([.. indexes.Select(_ => 25f)]).ToList();
        var contributions = new float[indexes.Length];
        var differing = 0;
        foreach (var vector in vectors)
        {
            var expected = engine.Predict(new ModelInput { Features = vector });
            var probability = linear.Score(vector, contributions);
            if (probability != expected.Probability || !contributions.SequenceEqual(expected.FeatureContributions))
            {
                differing++;
                output.WriteLine($"[{string.Join(", ", vector)}]: {probability} vs {expected.Probability}; [{string.Join(", ", contributions)}] vs [{string.Join(", ", expected.FeatureContributions)}]");
            }
        }

        Assert.True(vectors.Count > 20_000, $"{vectors.Count} customers");
        Assert.Equal(0, differing);
    }

    private void Report(ModelMetrics m)
    {
        foreach (var (name, c) in m.Candidates!)
        {
            output.WriteLine($"{name}: ROC AUC {c.Auc} PR AUC {c.PrAuc} top-decile lift {c.TopDecileLift} capture {c.TopDecileCapture} ({c.Customers} customers, {c.Positives} churned)");
        }

        foreach (var b in m.Model.Calibration.Concat(m.Model.Deciles!))
        {
            output.WriteLine($"  {b.From:0.000}-{b.To:0.000}: {b.Customers} customers, predicted {b.MeanPredicted:0.000}, observed {b.ObservedRate:0.000}, gap {b.ObservedRate - b.MeanPredicted:0.000}");
        }
    }
}
