using Automation.Composition.Plugins;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Plugins;

/// <summary>What a connector's consumer works with: the plugin, the database, outcome recording, retries and the throttle.</summary>
public sealed record ConnectorServices(
    PluginRegistry Plugins,
    IDbContextFactory<AutomationDbContext> Databases,
    DispatchOutcomeWriter Outcomes,
    OutageRetry Outage,
    DispatchOptions Settings,
    ILoggerFactory Loggers,
    TimeProvider Clock,
    HandOverDeadline Deadline,
    ConnectorThrottles Throttles)
{
    /// <summary>
    /// The wait before the next delivery once a delivery's retries are spent, or null when the redeliveries are used up
    /// too (the action then fails). Rounds are counted from the attempts in the log.
    /// </summary>
    public TimeSpan? RedeliveryDelay(int attempt) => RedeliveryDelay(Settings, attempt);

    /// <summary>The same for a single delivery's consumer, which holds only the settings.</summary>
    public static TimeSpan? RedeliveryDelay(DispatchOptions settings, int attempt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var roundsUsed = (attempt / (settings.RetryLimit + 1)) - 1;
        return roundsUsed < settings.Redeliveries ? settings.RedeliveryInterval * Math.Pow(4, Math.Max(0, roundsUsed)) : null;
    }
}
