using System.Threading.RateLimiting;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Holds one action type to its rate: a token bucket refilled each period, whose waiters queue oldest first, so
/// actions beyond the rate wait their turn instead of failing. Counts what waits, for the operations view.
/// </summary>
public sealed class ConnectorThrottle : IDisposable
{
    private readonly TokenBucketRateLimiter? bucket;
    private long waiting;

    public ConnectorThrottle(string actionType, ActionRateLimit? limit)
    {
        ActionType = actionType;
        Limit = limit;
        if (limit is not null)
        {
            bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.Permits,
                TokensPerPeriod = limit.Permits,
                ReplenishmentPeriod = limit.Per,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public string ActionType { get; }

    public ActionRateLimit? Limit { get; }

    /// <summary>Actions (or calls) waiting for their turn in this process now.</summary>
    public long Waiting => Interlocked.Read(ref waiting);

    /// <summary>The most permits one turn can take: a batch is cut into pieces of this size so the rate holds within it.</summary>
    public int LargestTurn => Limit?.Permits ?? int.MaxValue;

    /// <summary>Waits until <paramref name="permits"/> (at most <see cref="LargestTurn"/>) may go.</summary>
    public async ValueTask WaitTurnAsync(int permits, CancellationToken cancellationToken)
    {
        if (bucket is null || permits <= 0)
        {
            return;
        }

        Interlocked.Add(ref waiting, permits);
        try
        {
            using var lease = await bucket.AcquireAsync(Math.Min(permits, LargestTurn), cancellationToken);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException($"the throttle of {ActionType} refused {permits} permits");
            }
        }
        finally
        {
            Interlocked.Add(ref waiting, -permits);
        }
    }

    public void Dispose() => bucket?.Dispose();
}
