namespace Automation.Plugins.Tests.Support;

/// <summary>A clock that always says the same time, so written timestamps can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
