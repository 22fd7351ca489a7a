namespace Automation.Plugins.Sdk.Mail;

/// <summary>Where mail goes (a plugin's `Smtp` section). From configuration or secrets only, never from workflow JSON.</summary>
public sealed class SmtpServerSettings
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (STARTTLS when <see cref="UseTls"/>, else none).</summary>
    public string Security { get; set; } = "Auto";

    public bool UseTls { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }
}
