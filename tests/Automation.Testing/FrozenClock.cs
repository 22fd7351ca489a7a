namespace Automation.Testing;

/// <summary>A clock that only moves when the test moves it: what a test reads as "now" never depends on how busy the machine is.</summary>
public sealed class FrozenClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public FrozenClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
