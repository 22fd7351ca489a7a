namespace Automation.Engine.Workflows.Definitions;

/// <summary>
/// A value read from the database and kept for a short interval, so that hot paths ask the cache instead of the
/// database: a change made in this process invalidates it at once, another process's change shows within the
/// interval. A change committed while a read runs invalidates again, so it is not lost behind the older answer.
/// </summary>
public sealed class RefreshedSnapshot<T>(TimeProvider clock, TimeSpan refreshInterval, Func<CancellationToken, Task<T>> read, T empty)
    where T : class
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private T value = empty;
    private long loadedAt = long.MinValue;
    private int version;

    public async ValueTask<T> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Stale(Volatile.Read(ref loadedAt)))
        {
            await LoadAsync(cancellationToken);
        }

        return Volatile.Read(ref value);
    }

    /// <summary>Something it holds changed: the next question reads the database again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        Volatile.Write(ref loadedAt, long.MinValue);
    }

    private bool Stale(long at) => at == long.MinValue || clock.GetUtcNow().UtcTicks - at >= refreshInterval.Ticks;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!Stale(loadedAt))
            {
                return;
            }

            var reading = Volatile.Read(ref version);
            var started = clock.GetUtcNow().UtcTicks;
            Volatile.Write(ref value, await read(cancellationToken));
            Volatile.Write(ref loadedAt, reading == Volatile.Read(ref version) ? started : long.MinValue);
        }
        finally
        {
            gate.Release();
        }
    }
}
