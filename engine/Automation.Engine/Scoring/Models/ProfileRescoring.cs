using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Scores every profile with the active models as of a moment, page by page: the scores and their top reasons are
/// kept on the profile and threshold crossings leave through the outbox as event processing would send them. Run
/// after a version is activated (so nobody waits for their next event) and to age scores as time passes.
/// </summary>
public sealed class ProfileRescoring(
    IDbContextFactory<AutomationDbContext> databases, ProfileScoring scoring, ActiveScoreModels models, FeatureCalculator calculator, ProfileWriteGate? gate = null, ProfileStore? store = null)
{
    private const int PageSize = 2_000;

    /// <summary>How many profiles were scored; 0 when no model is active.</summary>
    public async Task<int> RunAsync(DateTime asOfUtc, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        // In the engine process profiles are written between event batches, over what the processor has flushed.
        using var writing = gate is null ? null : await gate.EnterAsync(cancellationToken);
        if (store is not null)
        {
            await store.FlushAsync(cancellationToken);
        }

        models.Invalidate();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var round = await scoring.PrepareAsync(db, cancellationToken);
        if (round.IsEmpty)
        {
            return 0;
        }

        var total = await db.Profiles.CountAsync(cancellationToken);
        var done = 0;
        string? after = null;
        while (true)
        {
            db.ChangeTracker.Clear();
            var page = await db.Profiles.Where(p => after == null || string.Compare(p.CustomerId, after) > 0)
                .OrderBy(p => p.CustomerId).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var profile in page)
            {
                foreach (var crossing in round.Apply(profile, calculator.Features(profile, asOfUtc), asOfUtc))
                {
                    OutboxWriter.Publish(db, crossing, asOfUtc);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            after = page[^1].CustomerId;
            done += page.Count;
            progress?.Report((done, total));
        }

        return done;
    }
}
