using Automation.Engine.Scoring.Models;
using Automation.Engine.Tests.Scoring.Models;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Cdnow;

public sealed class CdnowModelTests
{
    [Fact]
    public async Task On_the_real_cdnow_history_the_chosen_churn_model_is_at_least_as_good_as_rfm_logistic_and_calibrated_where_most_customers_are()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await CdnowHistory.ImportAsync(database);

        var set = await Scoring.Models.History.Builder().BuildAsync(database, ScoreTargets.ChurnRisk, 90, CancellationToken.None);
        var trained = ModelTrainer.Train(set);

        var m = trained.Metrics;
        Assert.Equal(new DateTime(1998, 1, 1, 0, 0, 0, DateTimeKind.Utc), m.TrainCutoff);
        Assert.Equal(new DateTime(1998, 4, 1, 0, 0, 0, DateTimeKind.Utc), m.HoldoutCutoff);
        Assert.Equal(23_570, m.Model.Customers);
        Assert.True(m.Baseline!.Auc > 0.8, $"RFM logistic ROC AUC {m.Baseline.Auc}");
        Assert.True(m.Model.Auc >= m.Baseline.Auc - 0.005, $"{m.Chosen} ROC AUC {m.Model.Auc} vs RFM baseline {m.Baseline.Auc}");
        Assert.Equal(2, m.Candidates!.Count);

        // The holdout's churn rate is above the training window's (the 1997 cohort ages), so the sparse middle bands
        // under-predict; the bands holding most customers match what happened.
        var crowded = m.Model.Calibration.Where(b => b.Customers >= m.Model.Customers / 10).ToList();
        Assert.NotEmpty(crowded);
        Assert.All(crowded, b => Assert.True(Math.Abs(b.ObservedRate - b.MeanPredicted) <= 0.05, $"{b.From:0.0}–{b.To:0.0}: predicted {b.MeanPredicted}, observed {b.ObservedRate}"));
    }
}
