using Automation.Engine.Scoring.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Scoring;

public static class ScoringSetup
{
    /// <summary>
    /// Scores: RFM (the batch refresh keeps the boundaries every profile update is scored with) and model scores:
    /// training, the active versions, online scoring with thresholds, and the daily drift check.
    /// </summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddSingleton<RfmScorer>();
        services.AddSingleton<TrainingSetBuilder>();
        services.AddSingleton<ModelTraining>();
        services.AddSingleton<ScoreModelStore>();
        services.AddSingleton<ActiveScoreModels>();
        services.AddSingleton<ProfileScoring>();
        services.AddSingleton<ProfileRescoring>();
        services.AddSingleton<ScoreAging>();
        services.AddSingleton<ScoreDriftMonitor>();
        services.AddSingleton<ScoringMoment>();
        services.AddSingleton<FeatureDriftMeter>();
        services.AddHostedService<ScoreDriftService>();
        services.AddHostedService<ScoreAgingService>();
        return services;
    }
}
