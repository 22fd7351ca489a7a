using Automation.Plugins.Sdk.Mail;

namespace Automation.Host.Approvals;

/// <summary>
/// The digest goes out through the same SMTP server as the email plugin (Automation:Plugins:Email), so an operator
/// configures mail once.
/// </summary>
public sealed class DigestSmtpSettings
{
    public const string Section = "Automation:Plugins:Email";

    public SmtpServerSettings Smtp { get; set; } = new() { Host = "" };

    public string FromAddress { get; set; } = "marketing@automation.local";

    public string FromName { get; set; } = "Automation";
}
