using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Segments;

/// <summary>
/// Tries a new expression on a sample of real profiles before it is saved: one that throws for a customer (a division
/// by a count that can be zero, a date pushed past its range) is refused, naming the customer and the error.
/// </summary>
public sealed class ExpressionTrial(IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock)
{
    /// <summary>Profiles tried: the most recently changed ones and as many more by id, edge cases included.</summary>
    public const int SampleSize = 2000;

    public async Task<ExpressionFaults.Fault?> TryOnSampleAsync(ProfileExpression expression, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var recent = await db.Profiles.AsNoTracking().OrderByDescending(p => p.UpdatedAt).Take(SampleSize / 2).ToListAsync(cancellationToken);
        var byId = await db.Profiles.AsNoTracking().OrderBy(p => p.CustomerId).Take(SampleSize / 2).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var profile in recent.Concat(byId))
        {
            try
            {
                expression.Unguarded(calculator.Features(profile, now), FeatureCalculator.Scores(profile));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new ExpressionFaults.Fault(profile.CustomerId, $"{ex.GetType().Name}: {ex.Message}", now);
            }
        }

        return null;
    }
}
