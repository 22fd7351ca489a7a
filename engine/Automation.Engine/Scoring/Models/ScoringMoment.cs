using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// The moment profiles are scored and measured as of: now for live data; for a history whose newest event is more
/// than a day old, that event's moment (scored from today's clock, every customer of an old history looks lost).
/// </summary>
public sealed class ScoringMoment(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock)
{
    public async Task<DateTime> AsOfAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var newest = await db.Events.AsNoTracking().MaxAsync(e => (DateTime?)e.Timestamp, cancellationToken);
        return newest is { } last && last < now.AddDays(-1) ? DateTime.SpecifyKind(last, DateTimeKind.Utc) : now;
    }
}
