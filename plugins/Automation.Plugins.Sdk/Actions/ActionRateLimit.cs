namespace Automation.Plugins.Sdk;

/// <summary>
/// How fast a connector's system takes work: <see cref="Permits"/> per <see cref="Per"/>, e.g. 14 messages a second or
/// 60 requests a minute. Actions beyond it wait their turn in the engine; they neither fail nor use up retries.
/// </summary>
/// <param name="Unit">What one permit pays for: one action, or one call of the handler (one request of a batch).</param>
public sealed record ActionRateLimit(int Permits, TimeSpan Per, RateLimitUnit Unit = RateLimitUnit.Actions)
{
    /// <summary>Permits a second, for drain-time estimates.</summary>
    public double PerSecond => Permits / Per.TotalSeconds;

    /// <summary>As configuration writes it: "14 actions/s", "60 calls/min".</summary>
    public override string ToString()
    {
        var per = Per == TimeSpan.FromSeconds(1) ? "/s" : Per == TimeSpan.FromMinutes(1) ? "/min" : Per == TimeSpan.FromHours(1) ? "/h" : $" per {Per}";
        return $"{Permits} {(Unit == RateLimitUnit.Calls ? "calls" : "actions")}{per}";
    }
}
