using Automation.Plugins.Sdk.Mail;

namespace Automation.Plugins.Email;

/// <summary>The plugin's section, Automation:Plugins:Email.</summary>
public sealed class EmailSettings
{
    /// <summary>Where email goes; no host (the default) means the built-in outbox, which the web app shows.</summary>
    public SmtpServerSettings Smtp { get; set; } = new() { Host = "" };

    public string FromAddress { get; set; } = "marketing@automation.local";

    public string FromName { get; set; } = "Automation";

    /// <summary>Base of the unsubscribe link in List-Unsubscribe; the customer id is appended.</summary>
    public string UnsubscribeUrl { get; set; } = "http://localhost:5080/unsubscribe";
}
