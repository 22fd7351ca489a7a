namespace Automation.Host.Security;

/// <summary>
/// Automation:ForwardedHeaders: behind a reverse proxy that terminates TLS, trust its X-Forwarded-For and
/// X-Forwarded-Proto (client address, https) from these addresses only. Off by default: a host reached directly must not
/// believe a client that claims to be a proxy.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Automation:ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxy addresses, e.g. 10.0.0.5; loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
