using Automation.Storage;

namespace Automation.Engine.Scoring.Models;

/// <summary>Score thresholds something downstream reacts to when a customer's score crosses them (published workflows' triggers).</summary>
public interface IWatchedThresholds
{
    Task<IReadOnlyList<ScoreThreshold>> ThresholdsAsync(AutomationDbContext db, CancellationToken cancellationToken);
}
