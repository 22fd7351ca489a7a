using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// The active model of each score, loaded once and kept. Which versions are active is re-read from the database
/// every few seconds, so activating a version in one process (or the CLI) reaches every engine process.
/// </summary>
public sealed class ActiveScoreModels(IOptions<AutomationOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private IReadOnlyList<LoadedModel> current = [];
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<LoadedModel>> CurrentAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (clock.GetUtcNow() - checkedAt < options.Value.Scoring.ModelRefreshInterval)
        {
            return current;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            var active = await db.ScoreModels.AsNoTracking().Where(m => m.Active).Select(m => new { m.Id, m.Score }).ToListAsync(cancellationToken);
            if (!active.Select(a => a.Id).Order().SequenceEqual(current.Select(c => c.Id).Order()))
            {
                var kept = current.Where(c => active.Any(a => a.Id == c.Id)).ToList();
                foreach (var id in active.Select(a => a.Id).Where(id => kept.All(k => k.Id != id)).ToList())
                {
                    var record = await db.ScoreModels.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
                    kept.Add(new LoadedModel(record.Id, record.Score, record.Version, ScoreModelStore.Load(record)));
                }

                // Replaced models may still be mid-score on another thread; they are left to the collector, not disposed.
                current = kept;
            }

            checkedAt = clock.GetUtcNow();
            return current;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>Look again on the next call (after this process activated a version).</summary>
    public void Invalidate() => checkedAt = DateTimeOffset.MinValue;

    public void Dispose()
    {
        refresh.Dispose();
        foreach (var model in current)
        {
            model.Model.Dispose();
        }
    }
}
