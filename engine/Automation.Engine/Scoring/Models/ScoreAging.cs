using Automation.Engine.Configuration;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Ages model scores as time passes without events: once per Automation:Scoring:RescoreInterval every profile is scored
/// again as of now (its days inactive have grown), with reasons and threshold crossings as event processing gives them.
/// The run is claimed in the database (<see cref="ProcessingCheckpoint.ScoresAged"/>) by one conditional update, so
/// that among several engine processes one ages the scores per interval.
/// </summary>
public sealed class ScoreAging(IDbContextFactory<AutomationDbContext> databases, ProfileRescoring rescoring, IOptions<AutomationOptions> options)
{
    /// <summary>Scores everyone as of <paramref name="nowUtc"/> if the interval has passed since the last run; null when not due.</summary>
    public async Task<int?> RunIfDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var interval = options.Value.Scoring.RescoreInterval;
        if (interval <= TimeSpan.Zero)
        {
            return null;
        }

        var claimed = await ClaimAsync(nowUtc, interval, cancellationToken);
        if (claimed is not { } previous)
        {
            return null;
        }

        try
        {
            return await rescoring.RunAsync(nowUtc, null, cancellationToken);
        }
        catch
        {
            await ReleaseAsync(nowUtc, previous);
            throw;
        }
    }

    /// <summary>Moves the checkpoint to now if it is older than the interval; returns where it was, or null when another run has it.</summary>
    private async Task<long?> ClaimAsync(DateTime nowUtc, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var previous = await ProcessingCheckpoints.SequenceOf(db, ProcessingCheckpoint.ScoresAged).FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            try
            {
                db.ProcessingCheckpoints.Add(new ProcessingCheckpoint { Name = ProcessingCheckpoint.ScoresAged, Sequence = nowUtc.Ticks });
                await db.SaveChangesAsync(cancellationToken);
                return 0;
            }
            catch (DbUpdateException)
            {
                return null; // another process wrote the first claim at the same moment
            }
        }

        var dueBefore = (nowUtc - interval).Ticks;
        var now = nowUtc.Ticks;
        var moved = await db.ProcessingCheckpoints.Where(c => c.Name == ProcessingCheckpoint.ScoresAged && c.Sequence <= dueBefore)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Sequence, now), cancellationToken);
        return moved == 1 ? previous : null;
    }

    /// <summary>A failed run gives its claim back, so the next check tries again instead of waiting a whole interval.</summary>
    private async Task ReleaseAsync(DateTime nowUtc, long previous)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        var now = nowUtc.Ticks;
        await db.ProcessingCheckpoints.Where(c => c.Name == ProcessingCheckpoint.ScoresAged && c.Sequence == now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Sequence, previous), CancellationToken.None);
    }
}
