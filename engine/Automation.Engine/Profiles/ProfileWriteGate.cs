namespace Automation.Engine.Profiles;

/// <summary>
/// One writer of profiles and memberships at a time in this process (the event processor, segment sweeps and
/// backfills). Across processes, sweeps and backfills hold <see cref="Automation.Storage.DatabaseLock.ProfileWriters"/>
/// alone while the processors of different partitions share it (see Cluster/IPartitionOwnership).
/// </summary>
public sealed class ProfileWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    // The embedded processor's batch write that goes on after it left the gate; whoever enters next waits for it.
    private Func<Task>? behind;

    /// <summary>Enters once no other writer is inside and the processor's write behind it has ended.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (behind is { } settle)
            {
                await settle();
            }
        }
        catch
        {
            gate.Release();
            throw;
        }

        return new Release(gate);
    }

    /// <summary>The processor's own entry: it overlaps its next batch with its write behind, and settles that itself.</summary>
    public async Task<IDisposable> EnterAheadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>
    /// Called inside the gate by the processor when it leaves a write behind: <paramref name="settle"/> waits for it and
    /// takes in its outcome (it never throws).
    /// </summary>
    public void Behind(Func<Task> settle) => behind = settle;

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
