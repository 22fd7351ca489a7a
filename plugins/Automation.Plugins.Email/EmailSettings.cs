using Automation.Plugins.Sdk.Mail;

namespace Automation.Plugins.Email;

/// <summary>The plugin's section, Automation:Plugins:Email.</summary>
public sealed class EmailSettings
{
    public SmtpServerSettings Smtp { get; set; } = new();

    public string FromAddress { get; set; } = "marketing@automation.local";

    public string FromName { get; set; } = "Automation";

    /// <summary>Base of the unsubscribe link in List-Unsubscribe; the customer id is appended.</summary>
    public string UnsubscribeUrl { get; set; } = "http://localhost:5080/unsubscribe";
}
