using System.Collections.Concurrent;
using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>One throttle per action type, with the connector's declared rate unless configuration overrides it.</summary>
public sealed class ConnectorThrottles(ActionCatalog catalog, IOptions<AutomationOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConnectorThrottle> throttles = new(StringComparer.Ordinal);

    public ConnectorThrottle For(string actionType) => throttles.GetOrAdd(actionType, Create);

    public void Dispose()
    {
        foreach (var throttle in throttles.Values)
        {
            throttle.Dispose();
        }
    }

    private ConnectorThrottle Create(string actionType)
    {
        catalog.TryGet(actionType, out var action);
        var declared = action?.Descriptor.RateLimit;
        var limit = options.Value.Dispatch.RateLimits.TryGetValue(actionType, out var text)
            && RateLimitText.TryParse(text, declared?.Unit ?? Automation.Plugins.Sdk.RateLimitUnit.Actions, out var configured)
            ? configured
            : declared;
        return new ConnectorThrottle(actionType, limit);
    }
}
