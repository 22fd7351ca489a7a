using Automation.Engine.Scoring.Models;

namespace Automation.Host;

public static class ScoringSetup
{
    /// <summary>Model scores: training, the active versions, online scoring with thresholds, and the daily drift check.</summary>
    public static void AddScoreModels(this IServiceCollection services)
    {
        services.AddSingleton<TrainingSetBuilder>();
        services.AddSingleton<ModelTraining>();
        services.AddSingleton<ScoreModelStore>();
        services.AddSingleton<ActiveScoreModels>();
        services.AddSingleton<ProfileScoring>();
        services.AddSingleton<ProfileRescoring>();
        services.AddSingleton<ScoreDriftMonitor>();
        services.AddHostedService<ScoreDriftService>();
    }
}
