using System.Globalization;
using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Configuration;

/// <summary>
/// A rate limit as an operator writes it in Automation:Dispatch:RateLimits: "14/s", "600/min", "5000/h", with
/// "calls" to count handler calls instead of actions ("60 calls/min"), or "none" to lift the connector's own limit.
/// </summary>
public static partial class RateLimitText
{
    /// <returns>False when the text is not a rate; <paramref name="limit"/> is null for "none".</returns>
    public static bool TryParse(string? text, RateLimitUnit declaredUnit, out ActionRateLimit? limit)
    {
        limit = null;
        if (string.Equals(text?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var match = Rate().Match(text ?? "");
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits < 1)
        {
            return false;
        }

        var per = match.Groups["per"].Value.ToLowerInvariant() switch
        {
            "s" or "sec" or "second" => TimeSpan.FromSeconds(1),
            "min" or "minute" => TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromHours(1),
        };
        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "calls" or "requests" => RateLimitUnit.Calls,
            "actions" or "messages" => RateLimitUnit.Actions,
            _ => declaredUnit,
        };
        limit = new ActionRateLimit(permits, per, unit);
        return true;
    }

    [GeneratedRegex(@"^\s*(?<n>\d{1,9})\s*(?<unit>calls|requests|actions|messages)?\s*/\s*(?<per>s|sec|second|min|minute|h|hour)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();
}
