using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Segments;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing;

/// <summary>
/// After an import, everything the engine derives from the events, in one go and through the engine's own path:
/// RFM boundaries are estimated from the log's purchases, the processor folds the events into profiles (with those
/// RFM scores, active models' scores and segment changes), then RFM is refreshed and the customers it scored
/// differently are swept so their rfm-* memberships follow. Run with an <see cref="AsOfClock"/> for a history.
/// </summary>
public sealed class HistoryCatchUp(
    IDbContextFactory<AutomationDbContext> databases,
    EventProcessor processor,
    RfmScorer rfm,
    SegmentSweeper sweeper,
    ProfileWriteGate gate,
    ProfileStore store)
{
    /// <summary>The stages, each reporting (done, total) as it goes: profiles in events folded, segments in profiles swept.</summary>
    public async Task<HistoryCatchUpResult> RunAsync(IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        long waiting;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            waiting = await db.Events.LongCountAsync(cancellationToken);
            if (!await db.Segments.AnyAsync(cancellationToken))
            {
                // A database the import just created has not met the host's seeding yet.
                db.Segments.AddRange(BuiltInSegments.All());
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        // RFM as the history ends, estimated from its purchases: profiles are folded with it and enter their rfm-*
        // segments once, rather than all moving again when the refresh below sets the real boundaries.
        progress?.Report(("RFM estimate", 0, 1));
        await rfm.EstimateFromEventsAsync(cancellationToken);
        long folded = 0;
        progress?.Report(("profiles", 0, waiting));
        while (await processor.ProcessBatchAsync(cancellationToken) is > 0 and var taken)
        {
            folded += taken;
            progress?.Report(("profiles", Math.Min(folded, waiting), waiting));
        }

        await processor.DrainAsync(cancellationToken);
        progress?.Report(("profiles", waiting, waiting));
        progress?.Report(("RFM", 0, 1));
        var (boundaries, changed) = await rfm.RefreshChangedAsync(cancellationToken);
        progress?.Report(("RFM", 1, 1));

        // Only customers the refresh scored differently from the estimate can move between segments now.
        progress?.Report(("segments", 0, 1));
        var sweep = sweeper.SweepCustomersAsync(changed, cancellationToken);
        var watched = sweeper.Progress(null);
        while (!sweep.IsCompleted)
        {
            progress?.Report(("segments", watched?.Processed ?? 0, Math.Max(1, watched?.Total ?? 1)));
            await Task.WhenAny(sweep, Task.Delay(200, cancellationToken));
        }

        var swept = await sweep;
        using (await gate.EnterAsync(cancellationToken))
        {
            await store.FlushAsync(cancellationToken);
        }

        progress?.Report(("segments", swept.Total, Math.Max(1, swept.Total)));
        await using var read = await databases.CreateDbContextAsync(cancellationToken);
        var profiles = await read.Profiles.CountAsync(cancellationToken);
        var scored = await read.Profiles.CountAsync(p => p.ChurnRisk != null || p.PurchasePropensity != null, cancellationToken);
        var memberships = await read.SegmentMemberships.CountAsync(cancellationToken);
        return new HistoryCatchUpResult(folded, profiles, scored, memberships, boundaries);
    }
}

/// <summary>What the catch-up left: events folded, profiles, how many carry a model score, segment memberships, the RFM cut points.</summary>
public sealed record HistoryCatchUpResult(long EventsFolded, int Profiles, int Scored, int Memberships, RfmBoundaries Rfm);
