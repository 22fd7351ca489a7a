namespace Automation.Plugins.SalesAlert;

/// <summary>Where owner emails go. From configuration or secrets only, never from workflow JSON.</summary>
public sealed class SmtpSettings
{
    /// <summary>Empty means "do not email owners".</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "Auto";

    public bool UseTls { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }
}
