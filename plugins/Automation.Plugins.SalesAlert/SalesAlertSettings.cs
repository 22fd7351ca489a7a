using Automation.Plugins.Sdk.Mail;

namespace Automation.Plugins.SalesAlert;

/// <summary>The plugin's section, Automation:Plugins:SalesAlert.</summary>
public sealed class SalesAlertSettings
{
    /// <summary>A Slack-compatible incoming webhook; a secret, since anyone holding it can post to the channel.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Where owner emails go; no host (the default) means "do not email owners".</summary>
    public SmtpServerSettings Smtp { get; set; } = new() { Host = "" };

    public string FromAddress { get; set; } = "sales-alerts@automation.local";

    public string FromName { get; set; } = "Automation sales alerts";

    /// <summary>How long the webhook may take before it counts as a retryable timeout.</summary>
    public int TimeoutSeconds { get; set; } = 15;
}
