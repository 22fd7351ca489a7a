using Automation.Engine.Scoring.Models;
using Xunit.Abstractions;

namespace Automation.Engine.Tests.Scoring.Models;

public sealed class ModelTrainerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Churn_model_finds_a_planted_warning_sign_that_rfm_cannot_see()
    {
        var set = await History.TrainingSetAsync(2000, planted: true);
        var trained = ModelTrainer.Train(set);

        Report(trained);
        Assert.True(trained.Metrics.Model.Auc > 0.75, $"model AUC {trained.Metrics.Model.Auc}");
        Assert.True(trained.Metrics.Model.Auc > trained.Metrics.Baseline!.Auc + 0.15, $"model AUC {trained.Metrics.Model.Auc} vs RFM baseline {trained.Metrics.Baseline.Auc}");
        Assert.InRange(trained.Metrics.Model.Precision, 0.6, 1);
        Assert.InRange(trained.Metrics.Model.Recall, 0.6, 1);
    }

    [Fact]
    public async Task Churn_model_on_pure_noise_is_no_better_than_chance()
    {
        var set = await History.TrainingSetAsync(2000, planted: false);
        var trained = ModelTrainer.Train(set);

        Report(trained);
        Assert.InRange(trained.Metrics.Model.Auc, 0.44, 0.56);
        Assert.InRange(trained.Metrics.Baseline!.Auc, 0.44, 0.56);
    }

    [Fact]
    public async Task Examples_come_from_before_the_cutoff_and_labels_from_the_horizon_after()
    {
        var set = await History.TrainingSetAsync(300, planted: true);

        // Every generated customer bought early, so each is asked the churn question at both cut-offs.
        Assert.Equal(300, set.Train.Count);
        Assert.Equal(300, set.Holdout.Count);
        Assert.Equal(History.End.AddDays(-60), set.TrainCutoff);
        var purchase = await History.TrainingSetAsync(300, planted: true, ScoreTargets.PurchasePropensity);
        Assert.Equal(set.Holdout.Select(e => !e.Label), purchase.Holdout.Select(e => e.Label));
    }

    [Fact]
    public async Task Calibration_buckets_cover_every_holdout_customer_and_high_predictions_churn_more()
    {
        var trained = ModelTrainer.Train(await History.TrainingSetAsync(1000, planted: true));

        var buckets = trained.Metrics.Model.Calibration;
        Assert.Equal(trained.Metrics.Model.Customers, buckets.Sum(b => b.Customers));
        var high = Observed(buckets.Where(b => b.From >= 0.6));
        var low = Observed(buckets.Where(b => b.To <= 0.3));
        Assert.True(high > 0.65 && low < 0.3, $"predicted 0.6 and above churned at {high:0.00}; below 0.3 at {low:0.00}");
    }

    private static double Observed(IEnumerable<CalibrationBucket> buckets)
    {
        var list = buckets.ToList();
        return list.Sum(b => b.ObservedRate * b.Customers) / list.Sum(b => b.Customers);
    }

    private void Report(TrainedModel trained)
    {
        var m = trained.Metrics;
        output.WriteLine($"train {m.TrainCustomers}, holdout {m.Model.Customers} ({m.Model.Positives} churned)");
        output.WriteLine($"model    AUC {m.Model.Auc:0.000} precision {m.Model.Precision:0.000} recall {m.Model.Recall:0.000} at {m.Model.Threshold}");
        output.WriteLine($"baseline AUC {m.Baseline!.Auc:0.000} precision {m.Baseline.Precision:0.000} recall {m.Baseline.Recall:0.000}");
        foreach (var b in m.Model.Calibration)
        {
            output.WriteLine($"  {b.From:0.0}-{b.To:0.0}: {b.Customers} customers, predicted {b.MeanPredicted:0.000}, observed {b.ObservedRate:0.000}");
        }
    }
}
