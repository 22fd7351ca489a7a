namespace Automation.Host.Training;

public static class TrainingSetup
{
    /// <summary>Training runs for the API (one at a time, in the background, with progress).</summary>
    public static void AddTraining(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TrainingRun>();
        builder.Services.AddSingleton<TrainingJobs>();
    }
}
