namespace Automation.Engine.Configuration;

/// <summary>Sessions and sign-in: how long a session lasts and how many wrong passwords a minute are answered.</summary>
public sealed class AccessOptions
{
    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A session nobody uses for this long ends (renewed while in use, up to SessionLifetime).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Wrong passwords per account and minute; after them every sign-in to it is answered 429 for the rest of the minute.</summary>
    public int SignInFailuresPerAccount { get; set; } = 50;

    /// <summary>Wrong passwords per client address and minute (an office behind one address signs in to many accounts).</summary>
    public int SignInFailuresPerAddress { get; set; } = 200;
}
