namespace Automation.Plugins.Sdk;

/// <summary>What a permit of an <see cref="ActionRateLimit"/> counts.</summary>
public enum RateLimitUnit
{
    /// <summary>Each action (an email, an audience member) takes one.</summary>
    Actions,

    /// <summary>Each call of the handler (one API request, however many actions a batch holds) takes one.</summary>
    Calls,
}
