namespace Automation.Testing;

/// <summary>
/// The system clock plus an offset a test moves forward ("an hour later"). Timers and delays still run in real time,
/// so the engine's background loops keep sweeping; only what they read as "now" jumps.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    /// <summary>How far "now" is moved; set it to jump to a moment (e.g. the customer's morning), or to zero to come back.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
