namespace Automation.Integration.Tests.Support;

/// <summary>
/// The system clock moved by an offset a test sets, e.g. to the customer's morning. Timers still run on real time,
/// so the host's loops keep their pace; only "now" jumps.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
