namespace Automation.Engine.Segments;

/// <summary>
/// One writer of profiles and memberships at a time in this process (the event processor, segment sweeps and
/// backfills); across processes on PostgreSQL the advisory lock does the same.
/// </summary>
public sealed class ProfileWriteGate
{
    /// <summary>The PostgreSQL advisory lock every profile writer takes inside its transaction (false: another process has it).</summary>
    public const string TryAdvisoryLockSql = "SELECT pg_try_advisory_xact_lock(7301) AS \"Value\"";

    /// <summary>The same lock, waited for rather than tried.</summary>
    public const string AdvisoryLockSql = "SELECT pg_advisory_xact_lock(7301)";

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

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
