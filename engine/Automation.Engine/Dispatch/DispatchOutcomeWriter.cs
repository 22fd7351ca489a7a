using System.Collections.Concurrent;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Group commit for connector outcomes: every delivery must have its dedupe row (and attempt count) durable before its
/// message is acknowledged, but one transaction per delivery made the database's single writer the limit of dispatch
/// (on SQLite each waited its turn for a BEGIN–INSERT–UPDATE–COMMIT of its own). Deliveries hand their outcome here and
/// wait; whoever finds no commit running becomes the committer and writes everything queued so far in one
/// transaction, then the next lot, until the queue is empty. No background service: it works wherever it is used.
/// </summary>
public sealed class DispatchOutcomeWriter(IDbContextFactory<AutomationDbContext> databases)
{
    private const int MaxBatch = 500;

    private readonly ConcurrentQueue<PendingOutcome> queue = new();
    private int committing;

    /// <summary>Completes once the outcome is committed; throws what the commit threw (the delivery is then retried).</summary>
    public async Task WriteAsync(ProcessedDispatch processed, Guid actionId, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processed);
        var pending = new PendingOutcome(processed, actionId, attempt);
        queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref committing, 1, 0) == 0)
        {
            _ = Task.Run(CommitQueuedAsync, CancellationToken.None);
        }

        await pending.Committed.Task.WaitAsync(cancellationToken);
    }

    private async Task CommitQueuedAsync()
    {
        var batch = new List<PendingOutcome>(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref committing, 0);
                // A delivery that queued after the last look but saw a commit still running is picked up here.
                if (queue.IsEmpty || Interlocked.CompareExchange(ref committing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                await CommitAsync(batch);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(p => p.Committed.TrySetException(ex));
            }

            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingOutcome> batch)
    {
        await using var db = await databases.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkRows.InsertAsync(db, batch.Select(p => p.Processed).ToList(), CancellationToken.None);
        foreach (var sameAttempt in batch.GroupBy(p => p.Attempt))
        {
            var ids = sameAttempt.Select(p => p.ActionId).ToList();
            await db.Actions.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, sameAttempt.Key));
        }

        await transaction.CommitAsync();
    }

    private sealed record PendingOutcome(ProcessedDispatch Processed, Guid ActionId, int Attempt)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
