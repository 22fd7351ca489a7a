namespace Automation.Plugins.Webhook;

/// <summary>Automation:Plugins:Webhook.</summary>
public sealed class WebhookSettings
{
    /// <summary>The only hosts a webhook step may call (exact host names); none means none: a journey never calls out by accident.</summary>
    public IList<string> AllowedHosts { get; } = [];

    public int TimeoutSeconds { get; set; } = 15;
}
