using System.Globalization;
using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Tests.Support;
using Automation.Testing.Histories;

namespace Automation.Engine.Tests.Scoring.Models;

public sealed class ModelActivationTests
{
    [Fact]
    public async Task A_new_version_that_does_not_beat_the_active_one_is_saved_but_not_activated_unless_forced()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var events = ChurnHistory.Generate(400, History.End, planted: true).Select((e, i) => (IncomingEvent?)new IncomingEvent(
            $"h-{i}", e.CustomerId, e.Type, e.Timestamp.ToString("O", CultureInfo.InvariantCulture), e.Value is { } v ? System.Text.Json.JsonSerializer.SerializeToElement(v) : null, null)).ToList();
        foreach (var chunk in events.Chunk(500))
        {
            Assert.False((await database.Ingestion().IngestAsync(chunk, CancellationToken.None)).Rejected);
        }

        var training = new ModelTraining(database, History.Builder(), new ScoreModelStore(database, new FeatureCalculator(History.Options), TimeProvider.System), new ActiveScoreModels(History.Options, TimeProvider.System));
        var request = new TrainingRequest(ScoreTargets.ChurnRisk, ChurnHistory.WindowDays);

        var first = await training.RunAsync(request, CancellationToken.None);
        var same = await training.RunAsync(request, CancellationToken.None);
        var forced = await training.RunAsync(request with { Force = true }, CancellationToken.None);

        Assert.Equal(CandidateFit.Boosted, first.Trained.Metrics.Chosen);
        Assert.True(first.Saved.Active);
        Assert.Equal("activated (no version was active)", first.Decision);
        Assert.False(same.Saved.Active);
        Assert.Equal(first.Trained.Metrics.Model.Auc, same.ActiveAuc);
        Assert.StartsWith("not activated (ROC AUC ", same.Decision, StringComparison.Ordinal);
        Assert.Contains("--force", same.Decision, StringComparison.Ordinal);
        Assert.True(forced.Saved.Active);
        Assert.StartsWith("activated (forced", forced.Decision, StringComparison.Ordinal);
    }
}
