namespace Automation.Engine.Profiles;

/// <summary>
/// The clock a history is read by: "now" is the as-of moment (its last event unless stated), moving on in real time
/// from there so timers and delays still run. Live data uses the system clock itself.
/// </summary>
public sealed class AsOfClock(DateTime asOfUtc) : TimeProvider
{
    private readonly TimeSpan offset = DateTime.SpecifyKind(asOfUtc, DateTimeKind.Utc) - System.GetUtcNow().UtcDateTime;

    public DateTime AsOf { get; } = DateTime.SpecifyKind(asOfUtc, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
