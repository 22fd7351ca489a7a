using Automation.Plugins.Sdk.Mail;

namespace Automation.Plugins.SalesAlert;

/// <summary>The plugin's section, Automation:Plugins:SalesAlert.</summary>
public sealed class SalesAlertSettings
{
    /// <summary>A Slack-compatible incoming webhook; a secret, since anyone holding it can post to the channel.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Where owner emails go; no host (the default) means the host's built-in outbox.</summary>
    public SmtpServerSettings Smtp { get; set; } = new() { Host = "" };

    public string FromAddress { get; set; } = "sales-alerts@automation.local";

    public string FromName { get; set; } = "Automation sales alerts";

    /// <summary>Emailed when a step names no owner and no webhook is set (into the built-in outbox without SMTP).</summary>
    public string TeamAddress { get; set; } = "sales@automation.local";

    /// <summary>How long the webhook may take before it counts as a retryable timeout.</summary>
    public int TimeoutSeconds { get; set; } = 15;
}
