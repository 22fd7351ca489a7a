namespace Automation.Host.Approvals;

/// <summary>
/// The digest goes out through the same SMTP server as the email plugin (Automation:Plugins:Email), so an operator
/// configures mail once.
/// </summary>
public sealed class DigestSmtpSettings
{
    public const string Section = "Automation:Plugins:Email";

    public SmtpServer Smtp { get; set; } = new();

    public string FromAddress { get; set; } = "marketing@automation.local";

    public string FromName { get; set; } = "Automation";

    public sealed class SmtpServer
    {
        public string Host { get; set; } = "127.0.0.1";

        public int Port { get; set; } = 25;

        /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
        public string Security { get; set; } = "Auto";

        public bool UseTls { get; set; }

        public string? Username { get; set; }

        public string? Password { get; set; }
    }
}
