using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Which inputs moved since a model was trained: each feature's values over today's profiles (up to
/// <see cref="MaxCustomers"/>, as of <see cref="ScoringMoment"/>) against the training values' deciles, as a PSI.
/// </summary>
public sealed class FeatureDriftMeter(IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, ScoringMoment moment)
{
    public const int MaxCustomers = 50_000;

    public async Task<FeatureDriftReport> MeasureAsync(ScoreModelRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var statistics = ScoreModelStore.Features(record).Where(f => ModelFeatures.Exists(f.Name)).ToList();
        var names = statistics.Select(f => f.Name).ToList();
        var asOf = await moment.AsOfAsync(cancellationToken);
        var values = names.Select(_ => new List<double>()).ToList();
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var profiles = db.Profiles.AsNoTracking().Where(p => record.Score != ScoreTargets.ChurnRisk || p.Purchases > 0)
                .OrderBy(p => p.CustomerId).Take(MaxCustomers).AsAsyncEnumerable();
            await foreach (var p in profiles.WithCancellation(cancellationToken))
            {
                var vector = ModelFeatures.Vector(calculator.Features(p, asOf), names);
                for (var i = 0; i < vector.Length; i++)
                {
                    values[i].Add(vector[i]);
                }
            }
        }

        var features = statistics.Select((f, i) => new FeatureDrift(
            f.Name,
            f.Mean,
            values[i].Count == 0 ? 0 : Math.Round(values[i].Average(), 3),
            f.Distribution is { } reference && values[i].Count > 0 ? Math.Round(reference.Psi(values[i]), 4) : null)).ToList();
        return new FeatureDriftReport(asOf, values.FirstOrDefault()?.Count ?? 0, features);
    }
}
