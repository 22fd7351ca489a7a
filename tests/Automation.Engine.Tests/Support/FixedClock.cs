namespace Automation.Engine.Tests.Support;

/// <summary>A clock that stays at one moment, so code under test and the test's expectation share "now".</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
