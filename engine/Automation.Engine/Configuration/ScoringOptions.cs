namespace Automation.Engine.Configuration;

/// <summary>The "Automation:Scoring" section: model scores online, thresholds and drift.</summary>
public sealed class ScoringOptions
{
    /// <summary>
    /// Thresholds per score ("ChurnRisk": [0.7]) whose crossing publishes ScoreThresholdCrossed, besides the thresholds
    /// of published score.crossed workflows.
    /// </summary>
    public IDictionary<string, IList<double>> Thresholds { get; } = new Dictionary<string, IList<double>>(StringComparer.Ordinal);

    /// <summary>How often the engine looks for a newly activated model version.</summary>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often drift (population stability index against the training distribution) is measured.</summary>
    public TimeSpan DriftInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often every profile is scored again as of now, so that scores age as time passes without events (a day by
    /// default; zero turns it off). Once per interval across all engine processes.
    /// </summary>
    public TimeSpan RescoreInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A population stability index above this raises a drift warning.</summary>
    public double DriftWarning { get; set; } = 0.2;
}
